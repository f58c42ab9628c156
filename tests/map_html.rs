//! map.html in a real browser: `citemap map` writes the page, headless
//! Chromium opens it from disk and runs its self-test (`#test=1&search=…&
//! hover=…`, written into the page for `--dump-dom`), and a screenshot of
//! each view is saved under `target/map-browser/`.
//!
//! Where Chromium is not installed (`/usr/bin/chromium`, or `$CHROMIUM`)
//! the browser tests say so and skip; CI installs it. Both the built-in
//! corpus and 2,000 generated documents are opened (the latter about 30 s).

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if path.is_file() {
        Some(path)
    } else {
        eprintln!(
            "SKIP: no Chromium at {} (apt-get install chromium, or set $CHROMIUM)",
            path.display()
        );
        None
    }
}

/// Runs headless Chromium on `url` with `extra` flags; returns (stdout,
/// stderr). Killed after two minutes.
fn run_chromium(chromium: &Path, extra: &[String], url: &str) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1280,800",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let started = Instant::now();
    let out_pipe = child.stdout.take().unwrap();
    let err_pipe = child.stderr.take().unwrap();
    let out_thread =
        std::thread::spawn(move || std::io::read_to_string(out_pipe).unwrap_or_default());
    let err_thread =
        std::thread::spawn(move || std::io::read_to_string(err_pipe).unwrap_or_default());
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 2 minutes on {url}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    (out_thread.join().unwrap(), err_thread.join().unwrap())
}

/// Console messages Chromium logged (errors included).
fn console_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

fn url_of(html: &Path, hash: &str) -> String {
    let abs = html.canonicalize().unwrap();
    format!("file://{}#{hash}", abs.display())
}

/// Percent-encodes a query value for the hash.
fn enc(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The most cited work in the map's report: (node id, family name of its
/// first author as the short label gives it, its title).
fn known_work(report: &serde_json::Value) -> (String, String, String) {
    let mut best: Option<(u64, &serde_json::Value)> = None;
    for c in report["clusters"]["clusters"].as_array().unwrap() {
        for w in c["works"].as_array().unwrap() {
            let t = w["times_cited"].as_u64().unwrap();
            if w["title"].is_string() && best.is_none_or(|(b, _)| t > b) {
                best = Some((t, w));
            }
        }
    }
    let w = best.expect("a work with a title").1;
    let label = w["label"].as_str().unwrap();
    let author = label
        .split_whitespace()
        .next()
        .unwrap()
        .trim_end_matches(',');
    (
        format!("work:{}", w["work"]),
        author.to_owned(),
        w["title"].as_str().unwrap().to_owned(),
    )
}

fn check_in_browser(name: &str, out: &Path) {
    let Some(chromium) = chromium() else { return };
    let html = out.join("map.html");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    let (id, author, title) = known_work(&report);
    let hash = format!("test=1&search={}&hover={}", enc(&author), enc(&id));
    let (dom, stderr) = run_chromium(&chromium, &["--dump-dom".to_owned()], &url_of(&html, &hash));
    let console = console_lines(&stderr);
    assert!(console.is_empty(), "{name}: console messages: {console:#?}");
    let start = dom
        .find("<pre id=\"selftest\"")
        .unwrap_or_else(|| panic!("{name}: no self-test result in the page: {stderr}"));
    let start = start + dom[start..].find('>').unwrap() + 1;
    let end = start + dom[start..].find("</pre>").unwrap();
    let text = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    let result: serde_json::Value = serde_json::from_str(&text).unwrap();
    eprintln!("{name}: {}", &text[..text.len().min(600)]);
    assert_eq!(
        result["errors"].as_array().unwrap().len(),
        0,
        "{name}: {text}"
    );
    assert!(
        result["drawn"].as_u64().unwrap() > 0,
        "{name}: nothing drawn"
    );
    assert!(
        result["labels"].as_u64().unwrap() > 0,
        "{name}: no labels drawn"
    );
    for view in result["perView"].as_array().unwrap() {
        assert!(
            view[2].as_u64().unwrap() > 0,
            "{name}: view {view} draws nothing"
        );
    }
    let found: Vec<&str> = result["search"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(
        found.contains(&id.as_str()),
        "{name}: searching {author:?} did not find {id}: {found:?}"
    );
    let hover = result["hover"].as_str().unwrap_or_default();
    assert!(
        hover.contains(&title),
        "{name}: hovering {id} shows {hover:?}, not the entry with title {title:?}"
    );
    // A screenshot of each view.
    let shots = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/map-browser");
    std::fs::create_dir_all(&shots).unwrap();
    for view in result["views"].as_array().unwrap() {
        let view = view.as_str().unwrap();
        let png = shots.join(format!("{name}-{view}.png"));
        let _ = std::fs::remove_file(&png);
        let (_, stderr) = run_chromium(
            &chromium,
            &[format!("--screenshot={}", png.display())],
            &url_of(&html, &format!("view={view}")),
        );
        let size = std::fs::metadata(&png).map(|m| m.len()).unwrap_or(0);
        assert!(
            size > 5_000,
            "{name}: screenshot of {view} missing or blank: {stderr}"
        );
        eprintln!("{name}: {} ({size} bytes)", png.display());
    }
}

fn map(args: &[&Path], out: &Path) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let output = Command::cargo_bin("citemap")
        .unwrap()
        .current_dir(&root)
        .arg("map")
        .args(args)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn builtin_corpus_map_works_in_chromium() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    map(&[&root.join("references")], tmp.path());
    let page = std::fs::read_to_string(tmp.path().join("map.html")).unwrap();
    // Self-contained: nothing fetched from anywhere.
    for needle in ["http://", "https://", "src=\"", "<link"] {
        let outside_data = page
            .split("<script type=\"application/json\"")
            .next()
            .unwrap();
        assert!(!outside_data.contains(needle), "page loads {needle}");
    }
    check_in_browser("builtin", tmp.path());
}

#[test]
fn generated_corpus_map_works_in_chromium() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let out = tmp.path().join("map");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_synth"))
        .args(["--docs", "2000", "--refs", "40", "--seed", "7", "--out"])
        .arg(&corpus)
        .status()
        .unwrap();
    assert!(status.success());
    map(&[&corpus], &out);
    check_in_browser("generated-2000", &out);
}

/// A title written to break out of every format the map and `graph` write.
const EVIL: &str = "</script><script>alert(1)</script> \"quoted\" 'single' ]]> & <b>bold</b>";

/// A one-document corpus whose cited works carry the hostile title.
fn hostile_corpus(dir: &Path) -> PathBuf {
    let path = dir.join("hostile.md");
    let text = format!(
        "---\ntitle: A paper\nauthors: Lovelace, Ada\nyear: 2020\n---\n\nWorks cited\n\n- \
         Benjamin, Ruha. \"{EVIL}.\" *Race After Technology*, Polity, 2019.\n- \
         Noble, Safiya Umoja. *Algorithms of Oppression {EVIL}*. NYU Press, 2018.\n"
    );
    std::fs::write(&path, text).unwrap();
    let second = dir.join("second.md");
    std::fs::write(
        &second,
        format!(
            "---\ntitle: Another paper\nauthors: Hopper, Grace\nyear: 2021\n---\n\nWorks cited\n\n- \
             Benjamin, Ruha. \"{EVIL}.\" *Race After Technology*, Polity, 2019.\n- \
             Eubanks, Virginia. *Automating Inequality*. St. Martin's Press, 2018.\n"
        ),
    )
    .unwrap();
    dir.to_owned()
}

#[test]
fn hostile_title_is_text_in_html() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(&tmp.path().join("in").tap_mkdir());
    let out = tmp.path().join("out");
    map(&[&corpus], &out);
    let page = std::fs::read_to_string(out.join("map.html")).unwrap();
    assert_eq!(
        page.matches("<script").count(),
        2,
        "an injected script element"
    );
    assert!(!page.contains("alert(1)</script>"));
    assert!(!page.contains("<b>bold"));
    // The text is there, escaped, and comes back whole from the JSON.
    assert!(page.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)"));
    // In the browser, the hostile title shows as text: hovering shows it.
    if let Some(chromium) = chromium() {
        let report: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap())
                .unwrap();
        let (id, _, title) = known_work(&report);
        assert!(title.contains("</script>"), "{title}");
        let (dom, stderr) = run_chromium(
            &chromium,
            &["--dump-dom".to_owned()],
            &url_of(
                &out.join("map.html"),
                &format!("test=1&search=alert&hover={}", enc(&id)),
            ),
        );
        assert!(console_lines(&stderr).is_empty(), "{stderr}");
        // Only the page's own two scripts and no injected element.
        assert!(!dom.contains("<script>alert"), "script injected");
        assert!(!dom.contains("<b>bold"), "markup injected");
        assert!(dom.contains("&lt;/script&gt;&lt;script&gt;alert(1)"));
    }
}

trait TapMkdir {
    fn tap_mkdir(self) -> Self;
}

impl TapMkdir for PathBuf {
    fn tap_mkdir(self) -> Self {
        std::fs::create_dir_all(&self).unwrap();
        self
    }
}

#[test]
fn hostile_title_is_text_in_svg_and_dot() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(&tmp.path().join("in").tap_mkdir());
    let out = tmp.path().join("out");
    map(&[&corpus], &out);
    // clusters.svg draws clusters, not works: it holds no title.
    for name in ["citation.svg", "cocitation.svg", "shared.svg"] {
        let svg = std::fs::read_to_string(out.join(name)).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            doc.descendants()
                .all(|n| !n.has_tag_name("script") && !n.has_tag_name("b")),
            "{name}: markup injected"
        );
        let text: String = doc
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect();
        assert!(
            text.contains("</script><script>alert(1)"),
            "{name}: title lost"
        );
    }
    for name in ["citation.dot", "cocitation.dot"] {
        let dot = std::fs::read_to_string(out.join(name)).unwrap();
        let graph = graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("{name}: {e}"));
        // Every quoted string stays one attribute value: the parsed graph
        // holds the title whole, quotes included.
        let printed = format!("{graph:?}");
        assert!(printed.contains("alert(1)"), "{name}");
        assert!(dot.contains("\\\"quoted\\\""), "{name}: quotes not escaped");
    }
}

fn graph_output(corpus: &Path, format: &str) -> String {
    let output = Command::cargo_bin("citemap")
        .unwrap()
        .args(["graph", "--kind", "citation", "--format", format])
        .arg(corpus)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn hostile_title_is_text_in_graphml_and_gexf() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = hostile_corpus(&tmp.path().join("in").tap_mkdir());
    for format in ["graphml", "gexf"] {
        let xml = graph_output(&corpus, format);
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{format}: {e}"));
        assert!(
            doc.descendants()
                .all(|n| !n.has_tag_name("script") && !n.has_tag_name("b")),
            "{format}: markup injected"
        );
        let values: Vec<String> = doc
            .descendants()
            .flat_map(|n| {
                n.attributes()
                    .map(|a| a.value().to_owned())
                    .chain(n.text().map(str::to_owned))
            })
            .collect();
        assert!(
            values
                .iter()
                .any(|v| v.contains("</script><script>alert(1)</script> \"quoted")),
            "{format}: the title is not there as text"
        );
    }
}
