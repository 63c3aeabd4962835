#!/bin/bash
# Fetches the dev-stack's test credentials (made at its start) into /etc/eojxds/dev, for a service
# of the local overlay: the test STS's CA, the test issuer's JWT key, EOJ-XDS's test organisation
# certificate and key. With bash alone (the JRE images have no curl). Development only.
set -euo pipefail
get() { # path, file
    for attempt in $(seq 1 120); do
        if exec 3<>/dev/tcp/dev-stack/8090 2>/dev/null; then
            printf 'GET %s HTTP/1.0\r\nHost: dev-stack\r\n\r\n' "$1" >&3
            response=$(cat <&3)
            exec 3>&-
            if [[ "$response" == "HTTP/1."?" 200"* ]]; then
                printf '%s\n' "${response#*$'\r\n\r\n'}" > "$2"
                return 0
            fi
        fi
        sleep 1
    done
    echo "could not fetch $1 from the dev-stack" >&2
    return 1
}
get /sts/ca.pem /etc/eojxds/dev/test-sts-ca.pem
get /test-issuer/public-key.pem /etc/eojxds/dev/test-issuer.pem
get /sts/organisation.crt /etc/eojxds/dev/organisation.crt
get /sts/organisation.key /etc/eojxds/dev/organisation.key
