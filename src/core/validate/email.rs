//! Email addresses: one `@`, a name and a domain with a dot, no spaces. The domain is lower-cased.

use super::Problem;

pub fn check_email(input: &str) -> Result<String, Problem> {
    let s = input.trim();
    if s.is_empty() {
        return Err(Problem::EmailMissing);
    }
    if s.chars().any(char::is_whitespace) {
        return Err(Problem::EmailSpace);
    }
    let Some((local, domain)) = s.split_once('@') else {
        return Err(Problem::EmailNoAt);
    };
    if local.is_empty() || domain.contains('@') {
        return Err(Problem::EmailShape);
    }
    let domain = domain.to_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty() || l.starts_with('-') || l.ends_with('-')) || labels.last().is_some_and(|t| t.len() < 2) {
        return Err(Problem::EmailDomain);
    }
    if s.len() > 254 {
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
}
