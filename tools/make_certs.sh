#!/usr/bin/env bash
# Makes a CA and one certificate per Gleaner service with openssl, for
# mutual TLS between the services (docs/security.md):
#
#   tools/make_certs.sh DIR [SERVICE...]
#
# DIR gets ca.crt/ca.key and SERVICE.crt/SERVICE.key for each SERVICE
# (default: the five gleaner-* services). Each certificate names its service
# as CN and SAN, plus the names it is reached by: on Kubernetes *.SERVICE
# (StatefulSet pods), in deploy/compose.yaml the name without "gleaner-",
# and localhost and 127.0.0.1; it serves and
# calls (serverAuth, clientAuth). An existing CA in DIR is reused, so more
# services can be added later. Keep ca.key off the servers.
set -euo pipefail

dir=${1:?usage: tools/make_certs.sh DIR [SERVICE...]}
shift
services=("$@")
if [ "${#services[@]}" -eq 0 ]; then
  services=(gleaner-coordinator gleaner-dedup gleaner-sentence gleaner-extract gleaner-aggregator)
fi
days=${GLEANER_CERT_DAYS:-365}
mkdir -p "$dir"
umask 077

if [ ! -f "$dir/ca.key" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$days" \
    -keyout "$dir/ca.key" -out "$dir/ca.crt" -subj "/CN=gleaner-ca" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
fi

for name in "${services[@]}"; do
  names="DNS:$name,DNS:*.$name"
  short=${name#gleaner-}
  if [ "$short" != "$name" ]; then names="$names,DNS:$short"; fi
  extensions=$(mktemp)
  cat >"$extensions" <<EXT
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=$names,DNS:localhost,IP:127.0.0.1
EXT
  openssl req -newkey rsa:2048 -nodes -sha256 -keyout "$dir/$name.key" \
    -out "$dir/$name.csr" -subj "/CN=$name" 2>/dev/null
  openssl x509 -req -sha256 -days "$days" -in "$dir/$name.csr" \
    -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial \
    -extfile "$extensions" -out "$dir/$name.crt" 2>/dev/null
  rm -f "$dir/$name.csr" "$extensions"
done
chmod 644 "$dir"/*.crt
echo "make_certs: ${services[*]} in $dir"
