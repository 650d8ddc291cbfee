#!/bin/sh
# A self-signed CA and a server certificate for mpp/sso/s3.satupintu.test (infra/compose.yaml).
#   sh infra/compose/make-tls.sh infra/compose/secrets/tls
# Without openssl on the host: docker run --rm -v "$PWD/infra/compose:/w" -w /w --entrypoint sh \
#   alpine/openssl make-tls.sh secrets/tls
set -eu
dir=${1:?usage: make-tls.sh <dir>}
mkdir -p "$dir"
cd "$dir"
[ -f server.crt ] && [ -f ca.crt ] && { echo "tls: $dir already has a certificate"; exit 0; }
openssl req -x509 -newkey rsa:3072 -sha256 -days 825 -nodes -subj "/CN=Satupintu compose CA" \
  -keyout ca.key -out ca.crt 2>/dev/null
openssl req -newkey rsa:2048 -sha256 -nodes -subj "/CN=mpp.satupintu.test" \
  -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=DNS:mpp.satupintu.test,DNS:sso.satupintu.test,DNS:s3.satupintu.test\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 -sha256 \
  -extfile server.ext -out server.crt 2>/dev/null
rm -f server.csr server.ext ca.srl
# The proxy reads the key; the platform reads the CA (as uid 10001).
chmod 0600 ca.key; chmod 0644 ca.crt server.crt server.key
echo "tls: CA $dir/ca.crt, certificate $dir/server.crt"
