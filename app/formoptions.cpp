#include "formoptions.h"

#include <QCoreApplication>
#include <QHash>

namespace outreach::app::options {

QVariantMap option(const QString &value, const QString &text)
{
    return {{QStringLiteral("value"), value}, {QStringLiteral("text"), text}};
}

QVariantList vocabulary(core::Vocabulary::List list, const QStringList &only)
{
    QVariantList out;
    for (const QString &code : core::Vocabulary::codes(list)) {
        if (only.isEmpty() || only.contains(code))
            out << option(code, core::Vocabulary::label(list, code));
    }
    return out;
}

QVariantList programmes(const QList<core::Programme> &programmes)
{
    QVariantList out;
    for (const core::Programme &p : programmes)
        out << option(p.id, p.name);
    return out;
}

QVariantList wards(const QList<core::Ward> &wards, const QString &none)
{
    QVariantList out{option(QString(), none)};
    for (const core::Ward &w : wards)
        out << option(w.id, w.name);
    return out;
}

QVariantList venues(const QList<core::Venue> &venues, const QList<core::Ward> &wards, const QString &none)
{
    QHash<QString, QString> wardNames;
    for (const core::Ward &w : wards)
        wardNames.insert(w.id, w.name);
    QVariantList out{option(QString(), none)};
    for (const core::Venue &v : venues) {
        const QString ward = wardNames.value(v.wardId);
        QString text = v.isArea() ? QCoreApplication::translate("FormOptions", "%1 — street area").arg(v.name) : v.name;
        if (!ward.isEmpty())
            text = QCoreApplication::translate("FormOptions", "%1 (%2)").arg(text, ward);
        QVariantMap o = option(v.id, text);
        o.insert(QStringLiteral("ward"), ward);
        o.insert(QStringLiteral("isArea"), v.isArea());
        out << o;
    }
    return out;
}

QString textOf(const QVariantList &options, const QString &value)
{
    for (const QVariant &v : options) {
        const QVariantMap m = v.toMap();
        if (m.value(QStringLiteral("value")).toString() == value)
            return m.value(QStringLiteral("text")).toString();
    }
    return QString();
}

} // namespace outreach::app::options
