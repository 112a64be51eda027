// The thin HTTP layer of outreach-server (QtHttpServer 6.4, a Technical Preview, so nothing else depends on it):
// converts each QHttpServerRequest into an HttpRequest, lets the SyncService answer, and writes the answer back.
#pragma once

#include "syncservice.h"

#include <QAbstractHttpServer>

namespace outreach::server {

class HttpAdapter : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit HttpAdapter(SyncService &service, QObject *parent = nullptr);

Q_SIGNALS:
    // After each answer has been written.
    void requestHandled();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    SyncService &m_service;
};

} // namespace outreach::server
