#include "outcomemodel.h"

#include "core/domain/validation.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <tuple>

namespace outreach::app {

namespace {

QString number(double value)
{
    return QLocale().toString(value, 'g', 6);
}

// A total typed by the worker: a plain number, with either decimal separator.
std::optional<double> parseScore(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double value = t.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

} // namespace

bool OutcomeModel::Entry::isRecorded() const
{
    return achieved >= 0 || !preItems.trimmed().isEmpty() || !postItems.trimmed().isEmpty()
        || !preScore.trimmed().isEmpty() || !postScore.trimmed().isEmpty();
}

OutcomeModel::OutcomeModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int OutcomeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant OutcomeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.parent().isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const Attendee &a = m_attendees.at(row.attendee);
    const core::OutcomeMeasure &m = m_measures.at(row.measure);
    const QString key = keyOf(row);
    const Entry entry = m_entries.value(key);
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1: %2").arg(a.knownAs, m.label);
    case ParticipantIdRole:
        return a.participantId;
    case KnownAsRole:
        return a.knownAs;
    case CodeRole:
        return a.code;
    case FirstOfPersonRole:
        return row.measure == 0;
    case MeasureIdRole:
        return m.id;
    case MeasureLabelRole:
        return m.label;
    case MeasureDefinitionRole:
        return m.definition;
    case IsScaleRole:
        return m.isScale();
    case ScaleHintRole: {
        if (!m.isScale())
            return QString();
        const QString better
            = m.improvedWhen == QLatin1String("higher") ? tr("higher is better") : tr("lower is better");
        if (m.scaleItems && m.scaleMin && m.scaleMax)
            return tr("%1 items, each scored %2–%3; %4")
                .arg(*m.scaleItems)
                .arg(*m.scaleMin)
                .arg(*m.scaleMax)
                .arg(better);
        return better;
    }
    case AchievedRole:
        return entry.achieved;
    case PreItemsRole:
        return entry.preItems;
    case PostItemsRole:
        return entry.postItems;
    case PreScoreRole:
        return entry.preScore;
    case PostScoreRole:
        return entry.postScore;
    case PreTotalRole:
        return totalText(entry.preItems, entry.preScore, m);
    case PostTotalRole:
        return totalText(entry.postItems, entry.postScore, m);
    case ResultRole:
        return resultText(entry, m);
    case RecordedRole:
        return entry.isRecorded();
    case ErrorRole:
        return m_errors.value(key);
    default:
        return {};
    }
}

bool OutcomeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return false;
    switch (role) {
    case AchievedRole:
        setAchieved(index.row(), value.toInt());
        return true;
    case PreItemsRole:
        setPreItems(index.row(), value.toString());
        return true;
    case PostItemsRole:
        setPostItems(index.row(), value.toString());
        return true;
    case PreScoreRole:
        setPreScore(index.row(), value.toString());
        return true;
    case PostScoreRole:
        setPostScore(index.row(), value.toString());
        return true;
    default:
        return false;
    }
}

Qt::ItemFlags OutcomeModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractListModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsEditable : base;
}

QHash<int, QByteArray> OutcomeModel::roleNames() const
{
    return {
        {ParticipantIdRole, "participantId"},
        {KnownAsRole, "knownAs"},
        {CodeRole, "code"},
        {FirstOfPersonRole, "firstOfPerson"},
        {MeasureIdRole, "measureId"},
        {MeasureLabelRole, "measureLabel"},
        {MeasureDefinitionRole, "measureDefinition"},
        {IsScaleRole, "isScale"},
        {ScaleHintRole, "scaleHint"},
        {AchievedRole, "achieved"},
        {PreItemsRole, "preItems"},
        {PostItemsRole, "postItems"},
        {PreScoreRole, "preScore"},
        {PostScoreRole, "postScore"},
        {PreTotalRole, "preTotal"},
        {PostTotalRole, "postTotal"},
        {ResultRole, "result"},
        {RecordedRole, "recorded"},
        {ErrorRole, "error"},
    };
}

int OutcomeModel::recordedCount() const
{
    int n = 0;
    for (const Row &row : m_rows) {
        if (m_entries.value(keyOf(row)).isRecorded())
            ++n;
    }
    return n;
}

QString OutcomeModel::emptyText() const
{
    if (!m_rows.isEmpty())
        return QString();
    if (m_measures.isEmpty())
        return tr("This programme has no outcome measures to record.");
    return tr("Tick who was present to record their outcomes.");
}

void OutcomeModel::setAchieved(int row, int achieved)
{
    const int value = achieved < 0 ? -1 : (achieved > 0 ? 1 : 0);
    edit(row,
         [value](Entry &e) {
             if (e.achieved == value)
                 return false;
             e.achieved = value;
             return true;
         },
         {AchievedRole});
}

void OutcomeModel::setPreItems(int row, const QString &text)
{
    edit(row,
         [&text](Entry &e) {
             if (e.preItems == text)
                 return false;
             e.preItems = text;
             return true;
         },
         {PreItemsRole, PreTotalRole});
}

void OutcomeModel::setPostItems(int row, const QString &text)
{
    edit(row,
         [&text](Entry &e) {
             if (e.postItems == text)
                 return false;
             e.postItems = text;
             return true;
         },
         {PostItemsRole, PostTotalRole});
}

void OutcomeModel::setPreScore(int row, const QString &text)
{
    edit(row,
         [&text](Entry &e) {
             if (e.preScore == text)
                 return false;
             e.preScore = text;
             return true;
         },
         {PreScoreRole, PreTotalRole});
}

void OutcomeModel::setPostScore(int row, const QString &text)
{
    edit(row,
         [&text](Entry &e) {
             if (e.postScore == text)
                 return false;
             e.postScore = text;
             return true;
         },
         {PostScoreRole, PostTotalRole});
}

void OutcomeModel::setMeasures(const QList<core::OutcomeMeasure> &measures)
{
    if (measures == m_measures)
        return;
    beginResetModel();
    m_measures = measures;
    QHash<QString, Entry> kept;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        const QString measureId = it.key().section(QLatin1Char('\n'), 1);
        for (const core::OutcomeMeasure &m : m_measures) {
            if (m.id == measureId)
                kept.insert(it.key(), it.value());
        }
    }
    m_entries = std::move(kept);
    m_errors.clear();
    rebuildRows();
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT entriesChanged();
}

void OutcomeModel::setAttendees(const QList<Attendee> &attendees)
{
    bool same = attendees.size() == m_attendees.size();
    for (qsizetype i = 0; same && i < attendees.size(); ++i)
        same = attendees.at(i).participantId == m_attendees.at(i).participantId
            && attendees.at(i).knownAs == m_attendees.at(i).knownAs && attendees.at(i).code == m_attendees.at(i).code;
    if (same)
        return;
    beginResetModel();
    m_attendees = attendees;
    rebuildRows();
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT entriesChanged(); // recordedCount counts present people only
}

QList<QPair<OutcomeModel::EntryKey, OutcomeModel::Entry>> OutcomeModel::entries() const
{
    QList<QPair<EntryKey, Entry>> out;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it.value().isRecorded())
            out.append({EntryKey{it.key().section(QLatin1Char('\n'), 0, 0), it.key().section(QLatin1Char('\n'), 1)},
                        it.value()});
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        return std::tie(a.first.participantId, a.first.measureId) < std::tie(b.first.participantId, b.first.measureId);
    });
    return out;
}

void OutcomeModel::setEntries(const QList<QPair<EntryKey, Entry>> &entries)
{
    QHash<QString, Entry> next;
    for (const auto &[key, entry] : entries) {
        if (entry.isRecorded())
            next.insert(keyOf(key.participantId, key.measureId), entry);
    }
    if (next == m_entries && m_errors.isEmpty())
        return;
    m_entries = std::move(next);
    m_errors.clear();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
    Q_EMIT entriesChanged();
}

QHash<QString, int> OutcomeModel::recordedPerPerson() const
{
    QHash<QString, int> out;
    for (const Row &row : m_rows) {
        if (m_entries.value(keyOf(row)).isRecorded())
            ++out[m_attendees.at(row.attendee).participantId];
    }
    return out;
}

OutcomeModel::Built OutcomeModel::build() const
{
    Built built;
    for (const Row &row : m_rows) {
        const Entry entry = m_entries.value(keyOf(row));
        if (!entry.isRecorded())
            continue;
        const Attendee &a = m_attendees.at(row.attendee);
        const core::OutcomeMeasure &m = m_measures.at(row.measure);
        const EntryKey key{a.participantId, m.id};
        core::OutcomeObservation o;
        o.participantId = a.participantId;
        o.measureId = m.id;
        if (!m.isScale()) {
            o.achieved = entry.achieved > 0;
        } else {
            QString error;
            const auto pre = parseItems(entry.preItems, m, &error);
            const auto post = error.isEmpty() ? parseItems(entry.postItems, m, &error) : std::nullopt;
            if (!error.isEmpty()) {
                built.unreadable.append({key, error});
                continue;
            }
            o.preItems = pre.value_or(QList<int>());
            o.postItems = post.value_or(QList<int>());
            const auto preScore = parseScore(entry.preScore);
            const auto postScore = parseScore(entry.postScore);
            if ((!entry.preScore.trimmed().isEmpty() && !preScore)
                || (!entry.postScore.trimmed().isEmpty() && !postScore)) {
                built.unreadable.append({key, tr("A total is a number, e.g. 24.")});
                continue;
            }
            if (o.preItems.isEmpty())
                o.preScore = preScore;
            if (o.postItems.isEmpty())
                o.postScore = postScore;
        }
        built.observations << o;
        built.keys << key;
    }
    return built;
}

void OutcomeModel::setErrors(const QList<QPair<EntryKey, QString>> &errors)
{
    QHash<QString, QString> next;
    for (const auto &[key, message] : errors) {
        QString &text = next[keyOf(key.participantId, key.measureId)];
        text = text.isEmpty() ? message : text + QLatin1Char(' ') + message;
    }
    if (next == m_errors)
        return;
    m_errors = std::move(next);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {ErrorRole});
}

std::optional<QList<int>> OutcomeModel::parseItems(const QString &text, const core::OutcomeMeasure &measure,
                                                   QString *error)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    static const QRegularExpression number(QStringLiteral("^-?\\d{1,6}$"));
    static const QRegularExpression digitsOnly(QStringLiteral("^\\d+$"));
    const bool singleDigits = measure.scaleMin.value_or(0) >= 0 && measure.scaleMax.value_or(9) <= 9;
    QList<int> items;
    if (singleDigits && digitsOnly.match(t).hasMatch()) {
        for (const QChar c : t)
            items << c.digitValue();
        return items;
    }
    for (const QString &part : t.split(separators, Qt::SkipEmptyParts)) {
        if (!number.match(part).hasMatch()) {
            if (error)
                *error = tr("Item scores are numbers, e.g. “2 3 1 0”; “%1” is not one.").arg(part);
            return std::nullopt;
        }
        items << part.toInt();
    }
    return items;
}

QString OutcomeModel::keyOf(const QString &participantId, const QString &measureId)
{
    return participantId + QLatin1Char('\n') + measureId;
}

QString OutcomeModel::keyOf(const Row &row) const
{
    return keyOf(m_attendees.at(row.attendee).participantId, m_measures.at(row.measure).id);
}

std::optional<double> OutcomeModel::total(const QString &items, const QString &score,
                                          const core::OutcomeMeasure &m) const
{
    QString error;
    if (const auto parsed = parseItems(items, m, &error)) {
        double sum = 0;
        for (int x : *parsed)
            sum += x;
        return sum;
    }
    if (!error.isEmpty())
        return std::nullopt;
    return parseScore(score);
}

QString OutcomeModel::totalText(const QString &items, const QString &score, const core::OutcomeMeasure &m) const
{
    if (!m.isScale())
        return QString();
    const auto t = total(items, score, m);
    return t ? number(*t) : QString();
}

QString OutcomeModel::resultText(const Entry &entry, const core::OutcomeMeasure &m) const
{
    if (!m.isScale())
        return QString();
    const auto pre = total(entry.preItems, entry.preScore, m);
    const auto post = total(entry.postItems, entry.postScore, m);
    if (pre && !post)
        return tr("Total before: %1").arg(number(*pre));
    if (post && !pre)
        return tr("Total after: %1").arg(number(*post));
    if (!pre || !post)
        return QString();
    core::OutcomeObservation o;
    o.preScore = pre;
    o.postScore = post;
    const bool improved = core::Validation::scaleImproved(m, o).value_or(false);
    return (improved ? tr("Improved: %1 → %2") : tr("Not improved: %1 → %2")).arg(number(*pre), number(*post));
}

void OutcomeModel::rebuildRows()
{
    m_rows.clear();
    for (int a = 0; a < m_attendees.size(); ++a) {
        for (int m = 0; m < m_measures.size(); ++m)
            m_rows << Row{a, m};
    }
}

void OutcomeModel::edit(int row, const std::function<bool(Entry &)> &change, QList<int> roles)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const QString key = keyOf(m_rows.at(row));
    Entry entry = m_entries.value(key);
    const bool wasRecorded = entry.isRecorded();
    if (!change(entry))
        return;
    if (entry.isRecorded())
        m_entries.insert(key, entry);
    else
        m_entries.remove(key);
    roles << ResultRole;
    if (wasRecorded != entry.isRecorded())
        roles << RecordedRole;
    if (m_errors.remove(key))
        roles << ErrorRole;
    Q_EMIT dataChanged(index(row), index(row), roles);
    Q_EMIT entriesChanged();
}

} // namespace outreach::app
