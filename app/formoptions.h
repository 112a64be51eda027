// Choice lists for forms, as QML ComboBoxes and chip rows take them: a list of maps with "value" (the stored
// code or id) and "text" (what the worker reads), plus any extra keys a list needs.
#pragma once

#include "core/domain/catalogue.h"
#include "core/domain/vocabulary.h"

#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

namespace outreach::app::options {

QVariantMap option(const QString &value, const QString &text);
// Every term of a vocabulary list in its order (only the codes in `only` when it is not empty), translated.
QVariantList vocabulary(core::Vocabulary::List list, const QStringList &only = {});
// Catalogue lists. Wards and venues start with a "none" choice (value "") called `none`; venues name their ward
// and say whether they are a street area (extra keys "ward" and "isArea").
QVariantList programmes(const QList<core::Programme> &programmes);
QVariantList wards(const QList<core::Ward> &wards, const QString &none);
QVariantList venues(const QList<core::Venue> &venues, const QList<core::Ward> &wards, const QString &none);
// The "text" of the option whose "value" is `value`, or an empty string.
QString textOf(const QVariantList &options, const QString &value);

} // namespace outreach::app::options
