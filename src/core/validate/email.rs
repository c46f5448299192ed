//! Email addresses: one `@`; before it the letters, digits and marks an address may have
//! (RFC 5322's dot-atom, ASCII: `nguyễn@…`, typed with the Vietnamese keyboard on, is told so);
//! after it a domain of letters, digits and hyphens with a dot. What a copy from a mail program
//! adds (`mailto:`, `<…>`) is taken off. The domain is lower-cased.

use super::Problem;

pub fn check_email(input: &str) -> Result<String, Problem> {
    let visible = crate::core::text::visible(input);
    let s = visible.trim();
    let s = s.strip_prefix("mailto:").or_else(|| s.strip_prefix("MAILTO:")).unwrap_or(s);
    let s = s.strip_prefix('<').and_then(|t| t.strip_suffix('>')).unwrap_or(s).trim();
    if s.is_empty() {
        return Err(Problem::EmailMissing);
    }
    if s.chars().any(char::is_whitespace) {
        return Err(Problem::EmailSpace);
    }
    let Some((local, domain)) = s.split_once('@') else {
        return Err(Problem::EmailNoAt);
    };
    if !s.is_ascii() {
        let folded = crate::core::text::fold(local);
        let meant = (folded.is_ascii() && folded.len() == local.chars().count()).then(|| format!("{folded}@{}", domain.to_lowercase()));
        return Err(Problem::EmailAccents { meant: meant.filter(|m| m.is_ascii() && check_email(m).is_ok()) });
    }
    let atom = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c);
    if local.is_empty() || domain.contains('@') || local.split('.').any(|part| part.is_empty() || !part.chars().all(atom)) {
        return Err(Problem::EmailShape);
    }
    let domain = domain.to_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if labels.len() < 2 || !labels.iter().all(label_ok) || labels.last().is_some_and(|t| t.len() < 2 || t.chars().all(|c| c.is_ascii_digit())) {
        return Err(Problem::EmailDomain);
    }
    if s.len() > 254 || local.len() > 64 {
        return Err(Problem::EmailTooLong);
    }
    Ok(format!("{local}@{domain}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(check_email(" An.Nguyen@Gmail.COM ").unwrap(), "An.Nguyen@gmail.com");
        assert!(check_email("an nguyen@gmail.com").is_err());
        assert_eq!(check_email("an.gmail.com"), Err(Problem::EmailNoAt));
        assert_eq!(check_email("an@gmail"), Err(Problem::EmailDomain));
        assert!(check_email("an@@gmail.com").is_err());
    }

    #[test]
    fn what_a_mail_program_copies_around_an_address_is_taken_off() {
        for pasted in ["mailto:an@gmail.com", "<an@gmail.com>", " <An@Gmail.com> ", "an@gmail.com\u{200B}"] {
            assert_eq!(check_email(pasted).unwrap().to_lowercase(), "an@gmail.com", "{pasted}");
        }
    }

    #[test]
    fn addresses_no_mail_server_delivers_to_are_refused() {
        for bad in [".an@gmail.com", "an.@gmail.com", "a..n@gmail.com", "an,b@gmail.com", "an(b)@gmail.com"] {
            assert_eq!(check_email(bad), Err(Problem::EmailShape), "{bad}");
        }
        for bad in ["an@gmail_com.vn", "an@gmail..com", "an@192.168.1.1", "an@-gmail.com"] {
            assert_eq!(check_email(bad), Err(Problem::EmailDomain), "{bad}");
        }
        assert_eq!(check_email("an+ho-so@mail.gov.vn").unwrap(), "an+ho-so@mail.gov.vn");
    }

    #[test]
    fn an_address_typed_with_the_vietnamese_keyboard_on_is_told_so() {
        assert_eq!(check_email("nguyễn@gmail.com"), Err(Problem::EmailAccents { meant: Some("nguyen@gmail.com".into()) }));
        assert!(check_email("nguyễn@gmail.com").unwrap_err().message().contains("bộ gõ tiếng Việt"));
    }
}
