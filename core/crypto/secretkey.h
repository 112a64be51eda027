// Key material in libsodium's guarded memory: locked out of swap, fenced by guard pages, read-only while held
// and zeroed when released. Every key in Outreach (the data key, the key derived from a passcode) lives in one.
#pragma once

#include <QByteArray>

#include <cstddef>
#include <functional>

namespace outreach::core::crypto {

// Initialises libsodium once per process; safe to call from any thread, cheap after the first call.
// Returns false only if the library cannot work on this system (e.g. no source of randomness).
bool ensureSodium();

class SecretKey
{
public:
    // Size of a data key: crypto_aead_xchacha20poly1305_ietf_KEYBYTES (checked in secretkey.cpp).
    static constexpr std::size_t DataKeyBytes = 32;

    SecretKey() noexcept = default; // a null key
    ~SecretKey();
    SecretKey(SecretKey &&other) noexcept;
    SecretKey &operator=(SecretKey &&other) noexcept;
    // Copies of key material must be visible in the code: use clone().
    SecretKey(const SecretKey &) = delete;
    SecretKey &operator=(const SecretKey &) = delete;

    // A fresh random data key of DataKeyBytes bytes; null only if secure memory cannot be had.
    static SecretKey generate();
    // Copies the bytes into secure memory; the caller may then wipe its own copy. Empty bytes give a null key.
    static SecretKey fromBytes(const QByteArray &bytes);
    // Lets `fill` write `size` bytes straight into secure memory (for derived or decrypted keys, so they never
    // pass through ordinary heap memory). If `fill` returns false the memory is zeroed and a null key returned.
    static SecretKey filled(std::size_t size, const std::function<bool(unsigned char *out, std::size_t size)> &fill);

    SecretKey clone() const;

    bool isNull() const { return m_data == nullptr; }
    const unsigned char *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    // Zeroes and releases the bytes; the key becomes null. Also what the destructor does.
    void clear();

private:
    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace outreach::core::crypto
