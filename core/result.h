// Errors are values: every refusal names the field it is about and says why, in words the UI can show.
#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace outreach::core {

struct Error
{
    QString field;   // e.g. "session.start", "attendance[3].participantId"; empty for whole-record errors
    QString message; // human-readable, shown beside the field
    QString code;    // stable machine code: "required", "range", "order", "not_enrolled", "wrong_passcode", "sql"…

    bool operator==(const Error &) const = default;
    QString toString() const { return field.isEmpty() ? message : field + QStringLiteral(": ") + message; }
};

using Errors = QList<Error>;

inline QString describe(const Errors &errors)
{
    QStringList parts;
    for (const Error &e : errors)
        parts << e.toString();
    return parts.join(QStringLiteral("; "));
}

// A value or the errors that prevented it. Deliberately small: ok(), value(), errors(), error().
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(Errors{std::move(error)}) {}
    Result(Errors errors) : m_data(std::move(errors)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const Errors &errors() const
    {
        static const Errors none;
        return ok() ? none : std::get<Errors>(m_data);
    }
    Error error() const { return ok() || errors().isEmpty() ? Error{} : errors().constFirst(); }

private:
    std::variant<T, Errors> m_data;
};

// For operations that produce nothing but may fail. Not [[nodiscard]]: inside a WriteTransaction a failed
// write is also recorded by the transaction, which then refuses to commit, so call sites may ignore it.
class Status
{
public:
    Status() = default;
    Status(Error error) : m_errors{std::move(error)} {}
    Status(Errors errors) : m_errors(std::move(errors)) {}

    bool ok() const { return m_errors.isEmpty(); }
    explicit operator bool() const { return ok(); }
    const Errors &errors() const { return m_errors; }
    Error error() const { return m_errors.isEmpty() ? Error{} : m_errors.constFirst(); }

private:
    Errors m_errors;
};

} // namespace outreach::core
