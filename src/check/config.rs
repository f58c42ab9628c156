//! What the user can set: from `citemap.toml`, then overridden by flags.
//!
//! ```toml
//! style = "mla"                       # how in-text citations are written
//! deny = "warning"                    # fail from warnings on
//! silence = ["uncited-entry"]         # kinds not to report
//! allow-names = ["Costanza Chock"]    # spellings not to flag
//!
//! [severity]
//! missing-field = "error"
//! ```

use super::kind::{Deny, Kind, Severity};
use crate::model::Style;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The check's settings.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Config {
    /// The citation style of the documents; unset, it comes from the
    /// works-cited list (and every form is looked for when that is unknown).
    #[serde(default)]
    pub style: Option<Style>,
    /// From which severity the run fails.
    #[serde(default)]
    pub deny: Deny,
    /// Kinds not reported at all.
    #[serde(default)]
    pub silence: Vec<Kind>,
    /// Name spellings accepted although they differ from the entry.
    #[serde(default)]
    pub allow_names: Vec<String>,
    /// Severities other than the defaults.
    #[serde(default)]
    pub severity: BTreeMap<Kind, Severity>,
}

/// Why a config file could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML or has unknown settings.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What the TOML reader said.
        message: String,
    },
}

impl Config {
    /// Reads a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.to_owned(),
            source,
        })?;
        Config::parse(&text).map_err(|message| ConfigError::Invalid {
            path: path.to_owned(),
            message,
        })
    }

    /// Parses config text; the error is the TOML reader's message.
    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| e.to_string().trim().to_owned())
    }

    /// The severity of `kind`, or `None` when it is silenced.
    pub fn severity(&self, kind: Kind) -> Option<Severity> {
        if self.silence.contains(&kind) {
            return None;
        }
        Some(
            self.severity
                .get(&kind)
                .copied()
                .unwrap_or_else(|| kind.default_severity()),
        )
    }

    /// True when `name` is a spelling the user accepts.
    pub fn allows_name(&self, name: &str) -> bool {
        self.allow_names
            .iter()
            .any(|a| a.trim().eq_ignore_ascii_case(name.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_setting() {
        let c = Config::parse(
            "style = \"apa\"\ndeny = \"warning\"\nsilence = [\"uncited-entry\"]\n\
             allow-names = [\"Costanza Chock\"]\n[severity]\nmissing-field = \"error\"\n",
        )
        .unwrap();
        assert_eq!(c.style, Some(Style::Apa));
        assert_eq!(c.deny, Deny::Warning);
        assert_eq!(c.severity(Kind::UncitedEntry), None);
        assert_eq!(c.severity(Kind::MissingField), Some(Severity::Error));
        assert!(c.allows_name("costanza chock"));
    }

    #[test]
    fn rejects_unknown_settings_and_kinds() {
        assert!(Config::parse("colour = 1").is_err());
        assert!(Config::parse("silence = [\"typo\"]").is_err());
    }
}
