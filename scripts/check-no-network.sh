#!/usr/bin/env bash
# No network code in the shipped library.
#
#   scripts/check-no-network.sh
#
# 1. Dependency tree: `cargo tree -p kefir-ffi -e normal --prefix none
#    --target all` (every crate the phone library links, for every target
#    platform, not only this host) is matched against a deny list of
#    networking crates (HTTP clients/servers, async runtimes with sockets,
#    TLS stacks, WebSocket/QUIC/DNS crates). Prefix rules (`hyper-*`,
#    `rustls-*`, `tokio-*`, ...) catch their satellites.
# 2. The built library: if target/release/libkefir_ffi.so exists (e.g. after
#    scripts/check-size.sh), its dynamic imports must not include socket
#    functions (socket, connect, bind, listen, accept, getaddrinfo, send/recv
#    ...): std::net linked in would show up here even without a crate.
# Prints what it checked; exit 1 on any hit.
# Env: KEFIR_NET_DENY_EXTRA="crate1 crate2" adds names (for testing the check).
set -euo pipefail

ROOT="${KEFIR_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
[[ "$TARGET_DIR" = /* ]] || TARGET_DIR="$ROOT/$TARGET_DIR"
cd "$ROOT"

# shellcheck disable=SC2206 # KEFIR_NET_DENY_EXTRA: a space-separated list, split on purpose
DENY=(
  reqwest hyper h2 h3 http-body tower tonic axum warp actix actix-web actix-rt rocket tide poem salvo
  tokio async-std async-io async-net smol mio socket2 polling
  ureq curl curl-sys isahc attohttpc surf minreq
  native-tls openssl openssl-sys rustls webpki webpki-roots security-framework schannel ring
  tungstenite tokio-tungstenite async-tungstenite websocket ws
  quinn quinn-proto quiche trust-dns-resolver trust-dns-proto hickory-resolver hickory-proto
  libp2p zmq nng ssh2 libssh2-sys lettre
  ${KEFIR_NET_DENY_EXTRA:-}
)
DENY_PREFIX=(hyper- rustls- tokio- openssl- reqwest- tower- quinn- tungstenite- libp2p- hickory- trust-dns-)

echo "check-no-network: cargo tree -p kefir-ffi -e normal --prefix none --target all" >&2
mapfile -t CRATES < <(cargo tree -p kefir-ffi -e normal --prefix none --target all | awk '{print $1}' | sort -u)
[[ ${#CRATES[@]} -gt 5 ]] || { echo "check-no-network: cargo tree listed only ${#CRATES[@]} crates" >&2; exit 1; }

hits=()
for c in "${CRATES[@]}"; do
  for d in "${DENY[@]}"; do [[ "$c" == "$d" ]] && hits+=("$c"); done
  for p in "${DENY_PREFIX[@]}"; do [[ "$c" == "$p"* ]] && hits+=("$c (prefix $p)"); done
done

echo "check-no-network: ${#CRATES[@]} crates in the shipped library's tree (all targets):"
printf '%s\n' "${CRATES[*]}" | fold -s -w 110 | sed 's/^/  /'
echo "check-no-network: deny list (${#DENY[@]} names, prefixes ${DENY_PREFIX[*]}):"
printf '%s\n' "${DENY[*]}" | fold -s -w 110 | sed 's/^/  /'

LIB="$TARGET_DIR/release/libkefir_ffi.so"
SOCKET_FNS='^(socket|socketpair|connect|bind|listen|accept|accept4|getaddrinfo|gethostbyname|getnameinfo|send|sendto|sendmsg|recv|recvfrom|recvmsg|setsockopt|getsockopt)(@.*)?$'
if [[ -f "$LIB" ]]; then
  mapfile -t IMPORTS < <(nm -D --undefined-only "$LIB" | awk '{print $NF}')
  net=$(printf '%s\n' "${IMPORTS[@]}" | grep -E "$SOCKET_FNS" || true)
  echo "check-no-network: $LIB imports ${#IMPORTS[@]} dynamic symbols; socket functions among them: ${net:-none}"
  [[ -z "$net" ]] || hits+=("libkefir_ffi.so imports: $(echo "$net" | tr '\n' ' ')")
else
  echo "check-no-network: $LIB not built; skipped the import check (scripts/check-size.sh builds it)"
fi

if [[ ${#hits[@]} -gt 0 ]]; then
  echo "check-no-network: FAIL: networking in the shipped library:" >&2
  printf '  %s\n' "${hits[@]}" >&2
  for h in "${hits[@]}"; do
    c="${h%% *}"
    [[ "$c" == libkefir_ffi.so ]] && continue
    echo "  why $c is there:" >&2
    cargo tree -p kefir-ffi -e normal --target all -i "$c" 2>/dev/null | head -n 8 | sed 's/^/    /' >&2 || true
  done
  exit 1
fi
echo "check-no-network: ok (no networking crate, no socket import)"
