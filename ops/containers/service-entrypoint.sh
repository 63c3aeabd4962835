#!/bin/bash
# Starts a service from its extracted layers. For the compose stack, where nothing orders the start
# beyond "started": EOJXDS_WAIT_FOR_TCP (host:port ...) waits until each accepts a connection (the
# database), EOJXDS_WAIT_FOR_FILES (paths ...) until each file exists (the certificates and keys the
# dev-stack writes at its start), both for up to EOJXDS_WAIT_SECONDS (120) in all, instead of
# failing and being restarted. Kubernetes needs neither: its probes and restarts do that job.
set -euo pipefail
deadline=$(( $(date +%s) + ${EOJXDS_WAIT_SECONDS:-120} ))
for target in ${EOJXDS_WAIT_FOR_TCP:-}; do
    until (exec 3<>"/dev/tcp/${target%:*}/${target##*:}") 2>/dev/null; do
        if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "gave up waiting for $target" >&2
            exit 1
        fi
        sleep 1
    done
done
for file in ${EOJXDS_WAIT_FOR_FILES:-}; do
    until [ -s "$file" ]; do
        if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "gave up waiting for $file" >&2
            exit 1
        fi
        sleep 1
    done
done
exec java org.springframework.boot.loader.launch.JarLauncher "$@"
