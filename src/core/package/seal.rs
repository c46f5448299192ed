//! Sealing a package so only its receiver opens it: the age format (age-encryption.org/v1), to
//! one or more agencies' public keys (`age1…`, what a portal passes) or to a passphrase a desk
//! officer types. The maintained `age` crate does the work; Debian's `age` opens what this seals
//! (tests/cli.rs). The only part of the core that draws randomness (from the platform: the OS,
//! or the browser's `crypto.getRandomValues`), as encryption must.

use std::io::{Read, Write};

use serde::Serialize;

/// The first line of every age file.
const MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// Who may open the package.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seal {
    /// The agencies' public keys (`age1…`).
    Recipients(Vec<String>),
    Passphrase(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SealProblem {
    /// Not an age public key (`age1…`, 62 characters).
    BadRecipient {
        recipient: String,
    },
    NoRecipient,
    /// A passphrase too short to protect anything.
    WeakPassphrase {
        min: usize,
    },
    /// The package could not be opened with this key or passphrase.
    WrongKey,
    /// The key file is not an age identity file.
    BadIdentity,
    /// The sealed file is damaged or cut off.
    Damaged,
}

impl SealProblem {
    pub fn message(&self) -> String {
        match self {
            SealProblem::BadRecipient { recipient } => {
                tr!(
                    "package.seal.khong-phai-khoa-cong-khai",
                    "«{recipient}» không phải khoá công khai age (bắt đầu bằng age1, dài 62 ký tự). Hãy chép lại khoá cơ quan tiếp nhận cung cấp.",
                    recipient = recipient
                )
            }
            SealProblem::NoRecipient => tr!("package.seal.hay-nhap-it-nhat-mot", "Hãy nhập ít nhất một khoá công khai của cơ quan tiếp nhận.").into(),
            SealProblem::WeakPassphrase { min } => tr!("package.seal.mat-khau-can-it-nhat", "Mật khẩu cần ít nhất {min} ký tự.", min = min),
            SealProblem::WrongKey => tr!("package.seal.khong-mo-duoc-goi-khoa", "Không mở được gói: khoá hoặc mật khẩu không đúng.").into(),
            SealProblem::BadIdentity => tr!("package.seal.tep-khoa-khong-phai-khoa", "Tệp khoá không phải khoá bí mật age (AGE-SECRET-KEY-1…).").into(),
            SealProblem::Damaged => tr!("package.seal.goi-da-ma-hoa-bi", "Gói đã mã hoá bị hỏng hoặc chưa tải xong.").into(),
        }
    }
}

/// The shortest passphrase accepted.
pub const MIN_PASSPHRASE: usize = 8;

/// Reads the agencies' keys: one or more `age1…`, separated by spaces, commas or lines.
pub fn recipients(text: &str) -> Result<Vec<String>, SealProblem> {
    let keys: Vec<String> = text.split(|c: char| c.is_whitespace() || c == ',').filter(|k| !k.is_empty()).map(str::to_string).collect();
    if keys.is_empty() {
        return Err(SealProblem::NoRecipient);
    }
    for k in &keys {
        k.parse::<age::x25519::Recipient>().map_err(|_| SealProblem::BadRecipient { recipient: k.clone() })?;
    }
    Ok(keys)
}

/// Whether `bytes` are an age file.
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Seals `bytes` (binary age, not armored: a `.zip.age` file).
pub fn seal(bytes: &[u8], how: &Seal) -> Result<Vec<u8>, SealProblem> {
    let mut out = Vec::with_capacity(bytes.len() + 512);
    let mut writer = encryptor(how)?.wrap_output(&mut out).map_err(|_| SealProblem::Damaged)?;
    writer.write_all(bytes).map_err(|_| SealProblem::Damaged)?;
    writer.finish().map_err(|_| SealProblem::Damaged)?;
    Ok(out)
}

/// The age encryptor for `how`, for a caller that seals piece by piece (`wrap_output`).
pub fn encryptor(how: &Seal) -> Result<age::Encryptor, SealProblem> {
    Ok(match how {
        Seal::Recipients(keys) => {
            let parsed: Vec<age::x25519::Recipient> =
                keys.iter().map(|k| k.parse().map_err(|_| SealProblem::BadRecipient { recipient: k.clone() })).collect::<Result<_, _>>()?;
            age::Encryptor::with_recipients(parsed.iter().map(|r| r as &dyn age::Recipient)).map_err(|_| SealProblem::NoRecipient)?
        }
        Seal::Passphrase(p) => {
            if p.chars().count() < MIN_PASSPHRASE {
                return Err(SealProblem::WeakPassphrase { min: MIN_PASSPHRASE });
            }
            age::Encryptor::with_user_passphrase(age::secrecy::SecretString::from(p.clone()))
        }
    })
}

/// What opens a sealed package: the agency's age identity file (its secret keys), or the
/// passphrase the package was sealed with.
#[derive(Clone, Copy, Debug)]
pub enum Key<'a> {
    Identity(&'a str),
    Passphrase(&'a str),
}

/// Opens a sealed package with `key`.
pub fn open(bytes: &[u8], key: Key) -> Result<Vec<u8>, SealProblem> {
    let identities: Vec<Box<dyn age::Identity + Send + Sync>> = match key {
        Key::Identity(file) => {
            let identities = age::IdentityFile::from_buffer(file.as_bytes()).map_err(|_| SealProblem::BadIdentity)?;
            identities.into_identities().map_err(|_| SealProblem::BadIdentity)?
        }
        Key::Passphrase(p) => vec![Box::new(age::scrypt::Identity::new(age::secrecy::SecretString::from(p.to_string())))],
    };
    if identities.is_empty() {
        return Err(SealProblem::BadIdentity);
    }
    let decryptor = age::Decryptor::new(bytes).map_err(|_| SealProblem::Damaged)?;
    let mut reader = decryptor.decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity)).map_err(|e| match e {
        age::DecryptError::NoMatchingKeys => SealProblem::WrongKey,
        // A wrong passphrase fails to unwrap the file key: the header is whole, the key wrong.
        age::DecryptError::DecryptionFailed if matches!(key, Key::Passphrase(_)) => SealProblem::WrongKey,
        _ => SealProblem::Damaged,
    })?;
    let mut out = Vec::new();
    reader.read_to_end(&mut out).map_err(|_| SealProblem::Damaged)?;
    Ok(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// A key pair made for these tests (`age-keygen`).
    const SECRET: &str = "AGE-SECRET-KEY-1AHFDG5QHMGMEM8Z2A7GLKGM8UACQ76GJPQ2RG4WZUYSKGM6VNHXS2TA4CY";

    fn public_of(secret: &str) -> String {
        secret.parse::<age::x25519::Identity>().unwrap().to_public().to_string()
    }

    #[test]
    fn a_package_sealed_to_an_agency_opens_with_its_key_only() {
        let sealed = seal(b"PK\x03\x04 goi ho so", &Seal::Recipients(vec![public_of(SECRET)])).unwrap();
        assert!(is_sealed(&sealed) && !sealed.windows(7).any(|w| w == b"goi ho "));
        assert_eq!(open(&sealed, Key::Identity(SECRET)).unwrap(), b"PK\x03\x04 goi ho so");
        let other = age::x25519::Identity::generate();
        assert_eq!(open(&sealed, Key::Identity(&other.to_string().expose_secret_for_test())), Err(SealProblem::WrongKey));
        assert_eq!(open(&sealed[..sealed.len() - 3], Key::Identity(SECRET)), Err(SealProblem::Damaged));
        assert_eq!(open(&sealed, Key::Identity("not a key")), Err(SealProblem::BadIdentity));
        assert_eq!(open(&sealed, Key::Passphrase("hoa sen trong dam")), Err(SealProblem::WrongKey), "not sealed with a passphrase");
    }

    #[test]
    fn a_package_sealed_with_a_passphrase_opens_with_that_passphrase_only() {
        let sealed = seal(b"PK\x03\x04 goi ho so", &Seal::Passphrase("hoa sen trong dam".into())).unwrap();
        assert_eq!(open(&sealed, Key::Passphrase("hoa sen trong dam")).unwrap(), b"PK\x03\x04 goi ho so");
        assert_eq!(open(&sealed, Key::Passphrase("hoa sen trong ao")), Err(SealProblem::WrongKey));
        assert_eq!(open(&sealed, Key::Identity(SECRET)), Err(SealProblem::WrongKey));
    }

    #[test]
    fn keys_are_read_from_what_a_portal_or_a_person_pastes() {
        let k = public_of(SECRET);
        assert_eq!(recipients(&format!(" {k},\n{k} ")).unwrap().len(), 2);
        assert_eq!(recipients("  "), Err(SealProblem::NoRecipient));
        assert_eq!(recipients("age1xyz"), Err(SealProblem::BadRecipient { recipient: "age1xyz".into() }));
        assert_eq!(seal(b"x", &Seal::Passphrase("ngan".into())), Err(SealProblem::WeakPassphrase { min: MIN_PASSPHRASE }));
    }

    trait ExposeForTest {
        fn expose_secret_for_test(&self) -> String;
    }
    impl ExposeForTest for age::secrecy::SecretString {
        fn expose_secret_for_test(&self) -> String {
            use age::secrecy::ExposeSecret;
            self.expose_secret().to_string()
        }
    }
}
