#!/usr/bin/env bash
# Generates the test PKI of tests/sync/data/tls (see README.md). Run once; the files are committed.
set -euo pipefail
cd "$(dirname "$0")"
days=20000 # about 55 years
ext() { printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' "$1"; }

# The test CA (a council's private PKI).
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days "$days" -sha256 \
    -subj "/O=Outreach tests/CN=Outreach Test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"

# sign NAME SUBJECT_ALT_NAMES: NAME.key and NAME.pem, signed by the test CA.
sign() {
    openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "/O=Outreach tests/CN=$3"
    openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$1.pem" -days "$days" -sha256 \
        -extfile <(ext "$2")
    rm -f "$1.csr"
}
# The server's certificate for this machine.
sign server "DNS:localhost,IP:127.0.0.1,IP:::1" localhost
# Signed by the CA too, but for another host name: refused for 127.0.0.1 (host name mismatch).
sign otherhost "DNS:outreach.example.org" outreach.example.org
# Self-signed for this machine: trusted by nobody; its key is also the "key of another certificate".
openssl req -x509 -newkey rsa:2048 -nodes -keyout wrong.key -out wrong.pem -days "$days" -sha256 \
    -subj "/O=Outreach tests/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1"
# Signed by the CA for this machine with server.key, but valid only in 2020: expired.
work=$(mktemp -d)
touch "$work/index.txt"
cat > "$work/ca.cnf" <<CNF
[ca]
default_ca = test
[test]
database = $work/index.txt
new_certs_dir = $work
certificate = ca.pem
private_key = ca.key
default_md = sha256
policy = any
rand_serial = yes
unique_subject = no
[any]
organizationName = optional
commonName = supplied
[server]
basicConstraints = CA:FALSE
keyUsage = digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1,IP:::1
CNF
openssl req -new -key server.key -out "$work/expired.csr" -subj "/O=Outreach tests/CN=localhost"
openssl ca -batch -config "$work/ca.cnf" -extensions server -in "$work/expired.csr" -out expired.pem -notext \
    -startdate 20200101000000Z -enddate 20210101000000Z
rm -rf "$work" ca.srl
