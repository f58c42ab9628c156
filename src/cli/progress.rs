//! Progress by stage on stderr, drawn only when stderr is a terminal:
//! tests, pipes and CI logs see nothing of it.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Instant;

/// The stages of a run, each shown while it runs and listed with its time
/// when it is done.
#[derive(Debug)]
pub struct Progress {
    bar: ProgressBar,
    tty: bool,
    stage: &'static str,
    started: Instant,
}

impl Progress {
    /// Progress on stderr if it is a terminal, hidden otherwise.
    pub fn new() -> Progress {
        let tty = std::io::stderr().is_terminal();
        let target = if tty {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        Progress {
            bar: ProgressBar::with_draw_target(None, target),
            tty,
            stage: "",
            started: Instant::now(),
        }
    }

    /// Whether anything is shown.
    pub fn is_shown(&self) -> bool {
        self.tty
    }

    /// Starts a stage: a counter when `len` is known, a spinner otherwise.
    pub fn start(&mut self, stage: &'static str, len: Option<u64>) {
        self.stage = stage;
        self.started = Instant::now();
        let template = match len {
            Some(_) => "{spinner} {msg:12} [{bar:30}] {pos}/{len}",
            None => "{spinner} {msg:12} {elapsed}",
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            self.bar.set_style(style.progress_chars("=> "));
        }
        self.bar.set_position(0);
        match len {
            Some(n) => self.bar.set_length(n),
            None => self.bar.unset_length(),
        }
        self.bar.set_message(stage);
        if self.tty && len.is_none() {
            self.bar
                .enable_steady_tick(std::time::Duration::from_millis(120));
        } else {
            self.bar.disable_steady_tick();
        }
    }

    /// Counts one more item of the current stage.
    pub fn inc(&self) {
        self.bar.inc(1);
    }

    /// Seconds since the current stage started.
    pub fn elapsed(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// Ends the current stage with a line saying what it did.
    pub fn done(&mut self, detail: &str) {
        let seconds = self.elapsed();
        self.line(self.stage, seconds, detail);
    }

    /// Prints a finished stage's line (above the bar, on a terminal only).
    pub fn line(&self, stage: &str, seconds: f64, detail: &str) {
        if self.tty {
            self.bar
                .println(format!("  {stage:<12} {seconds:>7.2} s  {detail}"));
        }
    }

    /// Removes the bar.
    pub fn clear(&self) {
        self.bar.finish_and_clear();
    }
}

impl Default for Progress {
    fn default() -> Self {
        Progress::new()
    }
}
