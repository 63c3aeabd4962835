# Sourced by the scripts that use podman here: the engine's settings for this kind of machine.
CONTAINERS_CONF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/containers.conf"
export CONTAINERS_CONF
