#include "secretkey.h"

#include <sodium.h>

#include <cstring>
#include <utility>

namespace outreach::core::crypto {

static_assert(SecretKey::DataKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

bool ensureSodium()
{
    // sodium_init() is thread-safe and idempotent (0 = done now, 1 = already done, -1 = unusable);
    // the static keeps later calls to a load.
    static const bool ok = sodium_init() >= 0;
    return ok;
}

SecretKey::~SecretKey()
{
    clear();
}

SecretKey::SecretKey(SecretKey &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{
}

SecretKey &SecretKey::operator=(SecretKey &&other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretKey SecretKey::filled(std::size_t size, const std::function<bool(unsigned char *, std::size_t)> &fill)
{
    // sodium_malloc needs sodium_init (it learns the page size there).
    if (size == 0 || !ensureSodium())
        return {};
    auto *memory = static_cast<unsigned char *>(sodium_malloc(size));
    if (!memory)
        return {};
    SecretKey key; // owns the memory from here, so every early return zeroes and frees it
    key.m_data = memory;
    key.m_size = size;
    if (!fill(memory, size))
        return {};
    // Nothing writes to a key once made; a stray write now faults instead of silently changing the key.
    // (sodium_free makes the region writable again before zeroing it.)
    sodium_mprotect_readonly(memory);
    return key;
}

SecretKey SecretKey::generate()
{
    return filled(DataKeyBytes, [](unsigned char *out, std::size_t size) {
        randombytes_buf(out, size);
        return true;
    });
}

SecretKey SecretKey::fromBytes(const QByteArray &bytes)
{
    return filled(std::size_t(bytes.size()), [&bytes](unsigned char *out, std::size_t size) {
        std::memcpy(out, bytes.constData(), size);
        return true;
    });
}

SecretKey SecretKey::clone() const
{
    if (isNull())
        return {};
    return filled(m_size, [this](unsigned char *out, std::size_t size) {
        std::memcpy(out, m_data, size);
        return true;
    });
}

void SecretKey::clear()
{
    if (m_data) {
        sodium_free(m_data); // zeroes before releasing
        m_data = nullptr;
        m_size = 0;
    }
}

} // namespace outreach::core::crypto
