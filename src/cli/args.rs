//! The command line, read with `lexopt` (small, no dependencies): positionals in order,
//! `--name value` / `--name=value` options, `--flag`s, and `--` before values that start with a
//! dash. Which options take a value is declared once ([`VALUED`]), so a positional after a
//! flag is never read as the flag's value. Each subcommand takes what it accepts; `finish`
//! refuses anything left over.

use std::collections::VecDeque;
use std::ffi::OsString;

use crate::Failure;

/// Every option of the CLI that takes a value (all others are flags).
const VALUED: &[&str] = &[
    "answers",
    "at",
    "attach",
    "catalogue",
    "channel",
    "converter",
    "cutoff",
    "field",
    "identity",
    "legacy",
    "level",
    "limit",
    "max-mb",
    "out",
    "passphrase-file",
    "province",
    "received",
    "recipient",
    "today",
    "units",
    "version",
    "working-days",
    "calendar-days",
    "working-hours",
];

#[derive(Debug)]
pub struct Args {
    positionals: VecDeque<String>,
    options: Vec<(String, String)>,
    flags: Vec<String>,
}

impl Args {
    /// Reads the arguments; `Err` for what cannot be read at all (an option missing its value,
    /// a value given to a flag, text that is not UTF-8).
    pub fn parse(raw: impl IntoIterator<Item = OsString>) -> Result<Args, Failure> {
        use lexopt::Arg;
        let mut parser = lexopt::Parser::from_args(raw);
        let mut args = Args { positionals: VecDeque::new(), options: Vec::new(), flags: Vec::new() };
        let text = |v: OsString| v.into_string().map_err(|v| Failure::Usage(format!("tham số không phải UTF-8: {}", v.to_string_lossy())));
        while let Some(arg) = parser.next().map_err(usage)? {
            match arg {
                // `hoso --version` (before any command) is the program's version; after a command
                // (`units import F --version V`) it is an option with a value.
                Arg::Long(name) if VALUED.contains(&name) && !(name == "version" && args.positionals.is_empty()) => {
                    let name = name.to_string();
                    let value = parser.value().map_err(|_| Failure::Usage(format!("`--{name}` cần một giá trị")))?;
                    args.options.push((name, text(value)?));
                }
                Arg::Long(name) => {
                    let name = name.to_string();
                    if parser.optional_value().is_some() {
                        return Err(Failure::Usage(format!("`--{name}` không nhận giá trị")));
                    }
                    args.flags.push(name);
                }
                Arg::Short(c) => args.flags.push(c.to_string()),
                Arg::Value(v) => args.positionals.push_back(text(v)?),
            }
        }
        Ok(args)
    }

    pub fn from_env() -> Result<Args, Failure> {
        Args::parse(std::env::args_os().skip(1))
    }

    /// The next argument that is not an option.
    pub fn next_positional(&mut self) -> Option<String> {
        self.positionals.pop_front()
    }

    /// `--name VALUE` or `--name=VALUE` (the last one given wins).
    pub fn option(&mut self, name: &str) -> Result<Option<String>, Failure> {
        debug_assert!(VALUED.contains(&name), "--{name} must be listed in VALUED");
        let mut found = None;
        self.options.retain(|(n, v)| {
            let this = n == name;
            if this {
                found = Some(v.clone());
            }
            !this
        });
        Ok(found)
    }

    /// Every `--name VALUE` given, in order (an option that may be repeated).
    pub fn options(&mut self, name: &str) -> Vec<String> {
        debug_assert!(VALUED.contains(&name), "--{name} must be listed in VALUED");
        let (found, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut self.options).into_iter().partition(|(n, _)| n == name);
        self.options = rest;
        found.into_iter().map(|(_, v)| v).collect()
    }

    /// A boolean `--name` flag.
    pub fn flag(&mut self, name: &str) -> bool {
        let before = self.flags.len();
        self.flags.retain(|f| f != name);
        self.flags.len() != before
    }

    /// Fails if anything was left unread, so typos are reported instead of ignored.
    pub fn finish(&self) -> Result<(), Failure> {
        if let Some((n, _)) = self.options.first() {
            return Err(Failure::Usage(format!("lệnh này không có tuỳ chọn `--{n}`")));
        }
        if let Some(f) = self.flags.first() {
            let dashes = if f.chars().count() == 1 { "-" } else { "--" };
            return Err(Failure::Usage(format!("không hiểu tham số `{dashes}{f}`")));
        }
        match self.positionals.front() {
            None => Ok(()),
            Some(a) => Err(Failure::Usage(format!("không hiểu tham số `{a}`"))),
        }
    }
}

fn usage(e: lexopt::Error) -> Failure {
    Failure::Usage(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> Result<Args, Failure> {
        Args::parse(v.iter().map(OsString::from))
    }

    #[test]
    fn options_and_positionals_in_any_order() {
        let mut a = args(&["search", "--limit", "5", "khai sinh"]).ok().unwrap();
        assert_eq!(a.next_positional().as_deref(), Some("search"));
        assert_eq!(a.option("limit").ok().flatten().as_deref(), Some("5"));
        assert_eq!(a.next_positional().as_deref(), Some("khai sinh"));
        assert!(a.finish().is_ok());
    }

    #[test]
    fn a_positional_after_a_flag_stays_a_positional() {
        let mut a = args(&["calendar", "due", "--same-day", "2026"]).ok().unwrap();
        assert_eq!(a.next_positional().as_deref(), Some("calendar"));
        assert_eq!(a.next_positional().as_deref(), Some("due"));
        assert!(a.flag("same-day"));
        assert_eq!(a.next_positional().as_deref(), Some("2026"));
    }

    #[test]
    fn equals_form_dashes_and_leftovers() {
        let mut a = args(&["--out=x", "--bogus", "--", "--not-an-option"]).ok().unwrap();
        assert_eq!(a.option("out").ok().flatten().as_deref(), Some("x"));
        assert_eq!(a.next_positional().as_deref(), Some("--not-an-option"));
        assert!(a.finish().is_err(), "--bogus is reported");
    }

    #[test]
    fn an_option_without_value_and_a_flag_with_one_are_usage_errors() {
        assert!(matches!(args(&["--limit"]), Err(Failure::Usage(_))));
        assert!(matches!(args(&["--same-day=yes"]), Err(Failure::Usage(_))));
    }
}
