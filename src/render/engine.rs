//! Rendering through an installed Graphviz (`dot -K<engine>`), via
//! graphviz-rust, for users who prefer Graphviz's layouts. The built-in
//! layout needs nothing installed; this is optional.

use graphviz_rust::cmd::{CommandArg, Format, Layout};

/// A Graphviz layout engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Engine {
    /// Layered drawing (`dot`).
    Dot,
    /// Spring model (`neato`).
    Neato,
    /// Scalable force-directed placement for large graphs (`sfdp`).
    Sfdp,
}

/// Why Graphviz could not render.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EngineError {
    /// `dot` is not installed or could not be run.
    #[error("Graphviz `dot` could not be run (is Graphviz installed?): {0}")]
    Unavailable(std::io::Error),
    /// Graphviz ran and failed.
    #[error("Graphviz failed: {0}")]
    Failed(String),
}

/// Whether a `dot` executable is on the PATH.
pub fn graphviz_available() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Renders DOT text to SVG with Graphviz's `engine`.
pub fn render_svg(dot: &str, engine: Engine) -> Result<String, EngineError> {
    if !graphviz_available() {
        return Err(EngineError::Unavailable(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "`dot` not found on PATH",
        )));
    }
    let layout = match engine {
        Engine::Dot => Layout::Dot,
        Engine::Neato => Layout::Neato,
        Engine::Sfdp => Layout::Sfdp,
    };
    let bytes = graphviz_rust::exec_dot(
        dot.to_owned(),
        vec![CommandArg::Layout(layout), CommandArg::Format(Format::Svg)],
    )
    .map_err(|e| EngineError::Failed(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| EngineError::Failed(e.to_string()))
}
