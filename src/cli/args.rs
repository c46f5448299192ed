//! A small command-line parser: positionals in order, `--name value` options, `--flag`s.
//! Hand-written to keep the native build light; each subcommand says what it accepts.

use crate::Failure;

pub struct Args {
    rest: Vec<String>,
}

impl Args {
    pub fn from_env() -> Self {
        Self { rest: std::env::args().skip(1).collect() }
    }

    #[cfg(test)]
    pub fn from_vec(v: &[&str]) -> Self {
        Self { rest: v.iter().map(|s| s.to_string()).collect() }
    }

    /// The next argument that is not an option (options may come before or after it).
    pub fn next_positional(&mut self) -> Option<String> {
        let mut i = 0;
        while i < self.rest.len() {
            let a = &self.rest[i];
            if a.starts_with("--") && a.len() > 2 {
                // Skip an option and its value, if it has one.
                i += if self.rest.get(i + 1).is_some_and(|v| !v.starts_with("--")) && !a.contains('=') { 2 } else { 1 };
                continue;
            }
            return Some(self.rest.remove(i));
        }
        None
    }

    /// `--name VALUE` or `--name=VALUE`; removes it from the remaining arguments.
    pub fn option(&mut self, name: &str) -> Result<Option<String>, Failure> {
        let flag = format!("--{name}");
        let prefix = format!("--{name}=");
        if let Some(i) = self.rest.iter().position(|a| a.starts_with(&prefix)) {
            let a = self.rest.remove(i);
            return Ok(Some(a[prefix.len()..].to_string()));
        }
        let Some(i) = self.rest.iter().position(|a| *a == flag) else { return Ok(None) };
        self.rest.remove(i);
        if i < self.rest.len() && !self.rest[i].starts_with("--") {
            Ok(Some(self.rest.remove(i)))
        } else {
            Err(Failure::Usage(format!("`{flag}` cần một giá trị")))
        }
    }

    /// A boolean `--name` flag; removes it from the remaining arguments.
    pub fn flag(&mut self, name: &str) -> bool {
        let flag = format!("--{name}");
        match self.rest.iter().position(|a| *a == flag) {
            Some(i) => {
                self.rest.remove(i);
                true
            }
            None => false,
        }
    }

    /// Fails if anything was left unread, so typos are reported instead of ignored.
    pub fn finish(&self) -> Result<(), Failure> {
        match self.rest.first() {
            None => Ok(()),
            Some(a) => Err(Failure::Usage(format!("không hiểu tham số `{a}`"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_and_positionals_in_any_order() {
        let mut a = Args::from_vec(&["search", "--limit", "5", "khai sinh"]);
        assert_eq!(a.next_positional().as_deref(), Some("search"));
        assert_eq!(a.option("limit").ok().flatten().as_deref(), Some("5"));
        assert_eq!(a.next_positional().as_deref(), Some("khai sinh"));
        assert!(a.finish().is_ok());
    }

    #[test]
    fn equals_form_and_leftovers() {
        let mut a = Args::from_vec(&["--out=x", "--bogus"]);
        assert_eq!(a.option("out").ok().flatten().as_deref(), Some("x"));
        assert!(a.finish().is_err());
    }

    #[test]
    fn option_without_value_is_a_usage_error() {
        let mut a = Args::from_vec(&["--limit"]);
        assert!(matches!(a.option("limit"), Err(Failure::Usage(_))));
    }
}
