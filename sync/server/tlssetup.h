// TLS for `outreach-server serve --tls-cert FILE --tls-key FILE` (docs/deploy.md): the certificate (chain) and
// private key in PEM, read and checked once at start, so a wrong file stops the server with a clear message
// instead of failing every device's handshake later.
#pragma once

#include "core/result.h"

#include <QSslConfiguration>

namespace outreach::server {

// A server configuration for TLS 1.2 and later with the certificate in `certificatePath` (the first PEM block is
// the server's; any further blocks are intermediates sent along) and the unencrypted private key in `keyPath`
// (RSA or EC). Checks that the key belongs to the certificate by one TLS handshake with itself on 127.0.0.1.
// Errors name the file (field "tls-cert" / "tls-key") and what is wrong with it.
core::Result<QSslConfiguration> loadServerTls(const QString &certificatePath, const QString &keyPath);

} // namespace outreach::server
