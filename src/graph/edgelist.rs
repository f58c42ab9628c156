//! Graphs from elsewhere: a weighted edge list (TSV, CSV or
//! whitespace-separated) or GraphML, read into node ids and `(u, v, weight)`
//! triples that [`crate::analyze::cluster`] can cluster.
//!
//! The input is untrusted: it is read as a stream (never whole into memory),
//! every line or XML token is bounded ([`Limits`]), and whatever is wrong is an
//! [`Error::Malformed`] naming the file and the line, never a panic.
//!
//! # Edge lists
//!
//! One edge a line, `source<TAB>target[<TAB>weight]` (or with commas, or
//! spaces). The delimiter is the first of tab, comma and space found on the
//! first line with data. Lines starting with `#` and blank lines are
//! skipped. A first line whose third field is not a number, or whose two
//! fields are column names such as `source,target`, is a header. A missing
//! weight is 1; a weight must be a finite number ≥ 0 (an edge of weight 0
//! adds its nodes but no weight). CSV fields may be quoted (`"a, b"`).
//! Node ids are any text; edges count as undirected and parallel edges add up.
//!
//! # GraphML
//!
//! `<node id>` and `<edge source target>` elements; an edge's weight is the
//! `<data>` of the edge key whose `attr.name` (or id) is `weight`, else 1.
//! Ids are unescaped (`a&amp;b` is the node `a&b`). Nodes declared without
//! edges are kept; an edge to an undeclared node declares it.
//!
//! # Example
//!
//! ```
//! use citemap::graph::edgelist::{read, Limits};
//! let text = "# two triangles\nsource\ttarget\tweight\na\tb\t1\nb\tc\t1\nc\ta\t1\nx\ty\t2\ny\tz\t2\nz\tx\t2\nc\tx\t0.5\n";
//! let g = read(text.as_bytes(), "graph.tsv", &Limits::default()).unwrap();
//! assert_eq!(g.ids, ["a", "b", "c", "x", "y", "z"]);
//! assert_eq!(g.edges.len(), 7);
//! let p = citemap::analyze::cluster::leiden_csr(&g.to_csr(), &Default::default());
//! assert_eq!(p.count, 2);
//! ```

use crate::analyze::cluster::Csr;
use crate::error::{Error, Result};
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// How far the reader goes before it refuses the input. The defaults read
/// any real graph up to 2³² − 1 nodes and 2³¹ edges while keeping a hostile
/// file (one endless line, a giant id) from taking the machine's memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The longest line of an edge list, and the longest run of an XML file
    /// between two `<`, in bytes.
    pub max_line_bytes: usize,
    /// The longest node id, in bytes.
    pub max_id_bytes: usize,
    /// The most distinct nodes.
    pub max_nodes: usize,
    /// The most edges.
    pub max_edges: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_line_bytes: 1 << 20,
            max_id_bytes: 4096,
            max_nodes: u32::MAX as usize,
            max_edges: 1 << 31,
        }
    }
}

/// How a graph file was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EdgeFormat {
    /// Tab-separated edge list.
    Tsv,
    /// Comma-separated edge list (quoted fields allowed).
    Csv,
    /// Edge list separated by runs of spaces (igraph's "ncol").
    Spaces,
    /// GraphML.
    GraphMl,
}

impl EdgeFormat {
    /// A short name for messages ("TSV edge list").
    pub fn name(self) -> &'static str {
        match self {
            EdgeFormat::Tsv => "TSV edge list",
            EdgeFormat::Csv => "CSV edge list",
            EdgeFormat::Spaces => "edge list",
            EdgeFormat::GraphMl => "GraphML",
        }
    }
}

/// A graph read from a file: node ids in the order they first appear, and
/// edges between their indices.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EdgeList {
    /// The id of each node, by index.
    pub ids: Vec<String>,
    /// Edges `(source, target, weight)` by node index, in file order.
    pub edges: Vec<(u32, u32, f64)>,
    /// The format the file was read as (`None` for an empty graph).
    pub format: Option<EdgeFormat>,
}

impl EdgeList {
    /// The number of nodes.
    pub fn node_count(&self) -> usize {
        self.ids.len()
    }

    /// The graph in the form the clustering works on (edges undirected,
    /// weight-0 edges dropped).
    pub fn to_csr(&self) -> Csr {
        Csr::from_triples(self.ids.len(), &self.edges)
    }
}

/// Reads the graph in the file at `path`: GraphML when the file starts with
/// `<` (after blanks and a byte-order mark), an edge list otherwise.
///
/// # Errors
/// [`Error::NotFound`] or [`Error::Io`] when the file cannot be read,
/// [`Error::Malformed`] with the line for anything wrong inside it.
pub fn read_path(path: &Path, limits: &Limits) -> Result<EdgeList> {
    let file = std::fs::File::open(path).map_err(|source| {
        if source.kind() == io::ErrorKind::NotFound {
            Error::NotFound {
                path: path.to_path_buf(),
            }
        } else {
            Error::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    })?;
    read(file, path, limits)
}

/// Reads a graph from `input`, named `path` in messages; see [`read_path`].
pub fn read(input: impl Read, path: impl AsRef<Path>, limits: &Limits) -> Result<EdgeList> {
    let path = path.as_ref();
    let mut reader = Guard::new(BufReader::with_capacity(1 << 16, input), b'\n', limits);
    let is_xml = {
        let start = reader.fill_buf().map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
        start.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
    };
    if is_xml {
        reader.reset_byte = b'<';
        read_graphml(reader, path, limits)
    } else {
        read_delimited(reader, path, limits)
    }
}

/// Node ids to indices. Most edge lists number their nodes, so a small
/// decimal id is looked up in a plain table; other ids of up to 15 bytes
/// are hashed inline (one memory access), longer ones as boxed strings.
/// Hashes are randomly seeded, so no file can be made to collide.
struct Interner {
    ids: Vec<String>,
    dense: Vec<u32>,
    short: HashMap<[u8; 16], u32, foldhash::fast::RandomState>,
    long: HashMap<Box<str>, u32, foldhash::fast::RandomState>,
    max_nodes: usize,
}

/// Decimal ids below this are looked up in a table (at most 64 MiB of it).
const DENSE_IDS: usize = 1 << 24;

/// The value of a canonical decimal id ("0", "17", not "017" or "+1")
/// below [`DENSE_IDS`].
fn small_number(id: &str) -> Option<usize> {
    let bytes = id.as_bytes();
    if bytes.is_empty() || bytes.len() > 8 || (bytes[0] == b'0' && bytes.len() > 1) {
        return None;
    }
    let mut value = 0usize;
    for &b in bytes {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + (b - b'0') as usize;
    }
    (value < DENSE_IDS).then_some(value)
}

impl Interner {
    fn new(max_nodes: usize) -> Self {
        Interner {
            ids: Vec::new(),
            dense: Vec::new(),
            short: HashMap::default(),
            long: HashMap::default(),
            max_nodes,
        }
    }

    /// The index of `id`, adding it if new; `None` past `max_nodes`.
    fn get(&mut self, id: &str) -> Option<u32> {
        let next = self.ids.len();
        if let Some(n) = small_number(id) {
            if n >= self.dense.len() {
                let len = (n + 1).next_power_of_two().clamp(1024, DENSE_IDS);
                self.dense.resize(len, u32::MAX);
            }
            let slot = &mut self.dense[n];
            if *slot != u32::MAX {
                return Some(*slot);
            }
            if next >= self.max_nodes {
                return None;
            }
            *slot = next as u32;
        } else if id.len() < 16 {
            let mut key = [0u8; 16];
            key[..id.len()].copy_from_slice(id.as_bytes());
            key[15] = id.len() as u8;
            if let Some(&i) = self.short.get(&key) {
                return Some(i);
            }
            if next >= self.max_nodes {
                return None;
            }
            self.short.insert(key, next as u32);
        } else {
            if let Some(&i) = self.long.get(id) {
                return Some(i);
            }
            if next >= self.max_nodes {
                return None;
            }
            self.long.insert(id.into(), next as u32);
        }
        self.ids.push(id.to_owned());
        Some(next as u32)
    }

    fn into_ids(self) -> Vec<String> {
        self.ids
    }

    fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// A reader that counts lines as they are consumed and refuses a run of
/// more than `max_line_bytes` bytes without `reset_byte` (`\n` in an edge
/// list, `<` in XML), so no single token can grow a buffer without bound.
struct Guard<R> {
    inner: R,
    newlines: usize,
    run: usize,
    max_run: usize,
    reset_byte: u8,
    tripped: bool,
}

impl<R: BufRead> Guard<R> {
    fn new(inner: R, reset_byte: u8, limits: &Limits) -> Self {
        Guard {
            inner,
            newlines: 0,
            run: 0,
            max_run: limits.max_line_bytes.max(1),
            reset_byte,
            tripped: false,
        }
    }

    /// The 1-based line the reader has reached.
    fn line(&self) -> usize {
        self.newlines + 1
    }

    /// Counts the bytes just passed on.
    fn count(&mut self, newlines: usize, last_reset: Option<usize>, len: usize) {
        self.newlines += newlines;
        match last_reset {
            Some(i) => self.run = len - i - 1,
            None => self.run += len,
        }
        if self.run > self.max_run {
            self.tripped = true;
        }
    }

    fn too_long(&self) -> io::Error {
        let what = if self.reset_byte == b'<' {
            "an XML token"
        } else {
            "a line"
        };
        io::Error::new(
            io::ErrorKind::InvalidData,
            LineTooLong(format!("{what} longer than {} bytes", self.max_run)),
        )
    }
}

/// The error a [`Guard`] returns, told apart from real I/O errors.
#[derive(Debug)]
struct LineTooLong(String);

impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LineTooLong {}

impl<R: BufRead> Read for Guard<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.tripped {
            return Err(self.too_long());
        }
        let n = self.inner.read(out)?;
        let bytes = &out[..n];
        let newlines = memchr::memchr_iter(b'\n', bytes).count();
        self.count(newlines, memchr::memrchr(self.reset_byte, bytes), n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Guard<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.tripped {
            return Err(self.too_long());
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        // `fill_buf` returns the bytes already buffered: no reading here.
        if let Ok(buf) = self.inner.fill_buf() {
            let bytes = &buf[..amount.min(buf.len())];
            let newlines = memchr::memchr_iter(b'\n', bytes).count();
            let last = memchr::memrchr(self.reset_byte, bytes);
            let len = bytes.len();
            self.count(newlines, last, len);
        }
        self.inner.consume(amount);
    }
}

fn malformed(path: &Path, format: EdgeFormat, line: usize, message: impl Into<String>) -> Error {
    Error::Malformed {
        path: path.to_path_buf(),
        format: format.name(),
        line,
        message: message.into(),
    }
}

/// An I/O error while reading: an over-long line is the input's fault and
/// names its line; anything else is the file's.
fn io_error<R: BufRead>(path: &Path, guard: &Guard<R>, e: io::Error) -> Error {
    if guard.tripped || e.get_ref().is_some_and(|inner| inner.is::<LineTooLong>()) {
        return Error::Malformed {
            path: path.to_path_buf(),
            format: if guard.reset_byte == b'<' {
                EdgeFormat::GraphMl.name()
            } else {
                "edge list"
            },
            line: guard.line(),
            message: guard.too_long().to_string(),
        };
    }
    Error::Io {
        path: path.to_path_buf(),
        source: e,
    }
}

/// Column names that make a first line a header.
const HEADER_NAMES: &[&str] = &[
    "source", "target", "from", "to", "src", "dst", "u", "v", "node1", "node2", "id1", "id2",
    "citing", "cited", "head", "tail",
];

/// Parses a weight: a finite number ≥ 0.
fn weight(field: &str) -> std::result::Result<f64, String> {
    match field.parse::<f64>() {
        Ok(w) if w.is_finite() && w >= 0.0 => Ok(w),
        Ok(_) => Err(format!(
            "weight {field:?} must be a finite number of at least 0"
        )),
        Err(_) => Err(format!("weight {field:?} is not a number")),
    }
}

fn read_delimited<R: BufRead>(
    mut guard: Guard<R>,
    path: &Path,
    limits: &Limits,
) -> Result<EdgeList> {
    // The delimiter comes from the first line with data; look at most a
    // buffer ahead.
    let format = {
        let mut ahead = guard.fill_buf().map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut found = None;
        while found.is_none() && !ahead.is_empty() {
            let end = memchr::memchr(b'\n', ahead).unwrap_or(ahead.len());
            let line = &ahead[..end];
            let trimmed = line.trim_ascii();
            if !trimmed.is_empty() && !trimmed.starts_with(b"#") {
                found = Some(if memchr::memchr(b'\t', line).is_some() {
                    EdgeFormat::Tsv
                } else if memchr::memchr(b',', line).is_some() {
                    EdgeFormat::Csv
                } else {
                    EdgeFormat::Spaces
                });
            }
            ahead = ahead.get(end + 1..).unwrap_or(&[]);
        }
        found.unwrap_or(EdgeFormat::Tsv)
    };
    let mut interner = Interner::new(limits.max_nodes);
    let mut edges: Vec<(u32, u32, f64)> = Vec::new();
    let mut buf: Vec<u8> = Vec::with_capacity(256);
    let mut line = 0usize;
    let mut first = true;
    loop {
        buf.clear();
        let read = guard
            .read_until(b'\n', &mut buf)
            .map_err(|e| io_error(path, &guard, e))?;
        if read == 0 {
            break;
        }
        line += 1;
        let text = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        let text = if line == 1 {
            text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text)
        } else {
            text
        };
        let trimmed = text.trim_ascii();
        if trimmed.is_empty() || trimmed.starts_with(b"#") {
            continue;
        }
        let text = std::str::from_utf8(text)
            .map_err(|_| malformed(path, format, line, "not valid UTF-8"))?;
        let (count, fields) =
            split_fields(text, format).map_err(|m| malformed(path, format, line, m))?;
        let is_header = first
            && match count {
                2 => fields[..2]
                    .iter()
                    .all(|f| HEADER_NAMES.contains(&f.to_ascii_lowercase().as_str())),
                3 => fields[2].parse::<f64>().is_err(),
                _ => false,
            };
        first = false;
        if is_header {
            continue;
        }
        if !(2..=3).contains(&count) {
            return Err(malformed(
                path,
                format,
                line,
                format!("expected source, target and an optional weight, found {count} field(s)"),
            ));
        }
        let w = if count == 3 {
            weight(&fields[2]).map_err(|m| malformed(path, format, line, m))?
        } else {
            1.0
        };
        let mut ends = [0u32; 2];
        for (end, id) in ends.iter_mut().zip(&fields[..2]) {
            if id.is_empty() {
                return Err(malformed(path, format, line, "empty node id"));
            }
            if id.len() > limits.max_id_bytes {
                return Err(malformed(
                    path,
                    format,
                    line,
                    format!("node id longer than {} bytes", limits.max_id_bytes),
                ));
            }
            *end = interner.get(id).ok_or_else(|| {
                malformed(
                    path,
                    format,
                    line,
                    format!("more than {} nodes", limits.max_nodes),
                )
            })?;
        }
        if edges.len() >= limits.max_edges {
            return Err(malformed(
                path,
                format,
                line,
                format!("more than {} edges", limits.max_edges),
            ));
        }
        edges.push((ends[0], ends[1], w));
    }
    let ids = interner.into_ids();
    Ok(EdgeList {
        format: (!ids.is_empty()).then_some(format),
        ids,
        edges,
    })
}

/// Splits one line into its first three fields (trimmed; CSV fields
/// unquoted) and says how many fields there are in all.
fn split_fields(
    line: &str,
    format: EdgeFormat,
) -> std::result::Result<(usize, [Cow<'_, str>; 3]), String> {
    let mut fields: [Cow<'_, str>; 3] = Default::default();
    let mut count = 0;
    fn put<'a>(fields: &mut [Cow<'a, str>; 3], field: Cow<'a, str>, count: &mut usize) {
        if *count < 3 {
            fields[*count] = field;
        }
        *count += 1;
    }
    match format {
        EdgeFormat::Spaces => {
            for f in line.split_ascii_whitespace() {
                put(&mut fields, Cow::Borrowed(f), &mut count);
            }
        }
        EdgeFormat::Csv => {
            let mut rest = line;
            loop {
                let trimmed = rest.trim_start_matches([' ', '\t']);
                if let Some(quoted) = trimmed.strip_prefix('"') {
                    // A quoted field: "" inside stands for one quote.
                    let mut value = String::new();
                    let mut chars = quoted.char_indices();
                    let mut end = None;
                    while let Some((i, c)) = chars.next() {
                        if c == '"' {
                            if quoted[i + 1..].starts_with('"') {
                                value.push('"');
                                chars.next();
                            } else {
                                end = Some(i + 1);
                                break;
                            }
                        } else {
                            value.push(c);
                        }
                    }
                    let end = end.ok_or("a quoted field does not end on its line")?;
                    let after = quoted[end..].trim_start_matches([' ', '\t']);
                    put(&mut fields, Cow::Owned(value), &mut count);
                    match after.strip_prefix(',') {
                        Some(next) => rest = next,
                        None if after.is_empty() => break,
                        None => return Err("text after a closing quote".into()),
                    }
                } else {
                    match rest.find(',') {
                        Some(i) => {
                            put(&mut fields, Cow::Borrowed(rest[..i].trim()), &mut count);
                            rest = &rest[i + 1..];
                        }
                        None => {
                            put(&mut fields, Cow::Borrowed(rest.trim()), &mut count);
                            break;
                        }
                    }
                }
            }
        }
        _ => {
            for f in line.split('\t') {
                put(&mut fields, Cow::Borrowed(f.trim()), &mut count);
            }
        }
    }
    Ok((count, fields))
}

fn attribute(e: &BytesStart, name: &[u8], path: &Path, line: usize) -> Result<Option<String>> {
    for a in e.attributes() {
        let a = a.map_err(|err| malformed(path, EdgeFormat::GraphMl, line, err.to_string()))?;
        if a.key.local_name().as_ref() == name {
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| malformed(path, EdgeFormat::GraphMl, line, err.to_string()))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

fn read_graphml<R: BufRead>(guard: Guard<R>, path: &Path, limits: &Limits) -> Result<EdgeList> {
    let format = EdgeFormat::GraphMl;
    let mut reader = quick_xml::Reader::from_reader(guard);
    let mut buf = Vec::new();
    let mut interner = Interner::new(limits.max_nodes);
    let mut edges: Vec<(u32, u32, f64)> = Vec::new();
    // Keys whose data is an edge's weight.
    let mut weight_keys: Vec<String> = Vec::new();
    let mut seen_graph = false;
    // The edge being read (its index in `edges`), the line it started on,
    // and the weight text being gathered inside its <data>.
    let mut open_edge: Option<(usize, usize)> = None;
    let mut weight_text: Option<String> = None;
    let mut depth = 0usize;
    loop {
        let line = reader.get_ref().line();
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(quick_xml::Error::Io(e)) => {
                let e = io::Error::new(e.kind(), e.to_string());
                return Err(io_error(path, reader.get_ref(), e));
            }
            Err(e) => {
                return Err(malformed(
                    path,
                    format,
                    reader.get_ref().line(),
                    format!("malformed XML: {e}"),
                ))
            }
        };
        match event {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                if !empty {
                    depth += 1;
                    if depth > 64 {
                        return Err(malformed(
                            path,
                            format,
                            line,
                            "elements nested deeper than 64",
                        ));
                    }
                }
                match e.local_name().as_ref() {
                    b"graphml" if !seen_graph => {}
                    b"key" => {
                        let target = attribute(e, b"for", path, line)?;
                        let name = attribute(e, b"attr.name", path, line)?;
                        let id = attribute(e, b"id", path, line)?;
                        let for_edges = matches!(target.as_deref(), Some("edge" | "all") | None);
                        let named_weight = name
                            .as_deref()
                            .or(id.as_deref())
                            .is_some_and(|n| n.eq_ignore_ascii_case("weight"));
                        if let (true, true, Some(id)) = (for_edges, named_weight, id) {
                            weight_keys.push(id);
                        }
                    }
                    b"graph" => seen_graph = true,
                    b"node" => {
                        let id = attribute(e, b"id", path, line)?
                            .ok_or_else(|| malformed(path, format, line, "<node> without an id"))?;
                        node_index(&mut interner, &id, limits, path, line)?;
                    }
                    b"edge" => {
                        let source = attribute(e, b"source", path, line)?.ok_or_else(|| {
                            malformed(path, format, line, "<edge> without a source")
                        })?;
                        let target = attribute(e, b"target", path, line)?.ok_or_else(|| {
                            malformed(path, format, line, "<edge> without a target")
                        })?;
                        let u = node_index(&mut interner, &source, limits, path, line)?;
                        let v = node_index(&mut interner, &target, limits, path, line)?;
                        if edges.len() >= limits.max_edges {
                            return Err(malformed(
                                path,
                                format,
                                line,
                                format!("more than {} edges", limits.max_edges),
                            ));
                        }
                        edges.push((u, v, 1.0));
                        if !empty {
                            open_edge = Some((edges.len() - 1, depth));
                        }
                    }
                    b"data" if open_edge.is_some() && !empty => {
                        let key = attribute(e, b"key", path, line)?;
                        if key.is_some_and(|k| weight_keys.contains(&k)) {
                            weight_text = Some(String::new());
                        }
                    }
                    b"hyperedge" => {
                        return Err(malformed(
                            path,
                            format,
                            line,
                            "hyperedges cannot be clustered",
                        ))
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) => {
                if let Some(text) = weight_text.as_mut() {
                    let s = t
                        .decode()
                        .map_err(|err| malformed(path, format, line, err.to_string()))?;
                    if text.len() + s.len() > 64 {
                        return Err(malformed(path, format, line, "weight longer than 64 bytes"));
                    }
                    text.push_str(&s);
                }
            }
            Event::GeneralRef(ref r) => {
                if let Some(text) = weight_text.as_mut() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) if text.len() < 64 => text.push(c),
                        _ => {
                            return Err(malformed(path, format, line, "entity in a weight"));
                        }
                    }
                }
            }
            Event::End(ref e) => {
                match e.local_name().as_ref() {
                    b"data" => {
                        if let (Some(text), Some((index, _))) = (weight_text.take(), open_edge) {
                            edges[index].2 = weight(text.trim())
                                .map_err(|m| malformed(path, format, line, m))?;
                        }
                    }
                    b"edge" if open_edge.is_some_and(|(_, d)| d == depth) => open_edge = None,
                    _ => {}
                }
                depth = depth.saturating_sub(1);
            }
            Event::DocType(_) => {
                return Err(malformed(
                    path,
                    format,
                    line,
                    "a DOCTYPE is not read (GraphML needs none)",
                ))
            }
            _ => {}
        }
        buf.clear();
    }
    if !seen_graph && !interner.is_empty() {
        return Err(malformed(path, format, 0, "no <graph> element"));
    }
    let ids = interner.into_ids();
    Ok(EdgeList {
        format: Some(format),
        ids,
        edges,
    })
}

fn node_index(
    interner: &mut Interner,
    id: &str,
    limits: &Limits,
    path: &Path,
    line: usize,
) -> Result<u32> {
    let format = EdgeFormat::GraphMl;
    if id.is_empty() {
        return Err(malformed(path, format, line, "empty node id"));
    }
    if id.len() > limits.max_id_bytes {
        return Err(malformed(
            path,
            format,
            line,
            format!("node id longer than {} bytes", limits.max_id_bytes),
        ));
    }
    interner.get(id).ok_or_else(|| {
        malformed(
            path,
            format,
            line,
            format!("more than {} nodes", limits.max_nodes),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> Result<EdgeList> {
        read(text.as_bytes(), "g.tsv", &Limits::default())
    }

    #[test]
    fn guard_counts_lines_through_bufread() {
        let limits = Limits::default();
        let mut g = Guard::new(BufReader::new("a\nb\nc".as_bytes()), b'\n', &limits);
        let n = g.fill_buf().unwrap().len();
        g.consume(n);
        assert_eq!(g.line(), 3);
    }

    #[test]
    fn spaces_and_missing_weights() {
        let g = read_str("a  b\nb c 2.5\n").unwrap();
        assert_eq!(g.format, Some(EdgeFormat::Spaces));
        assert_eq!(g.edges, [(0, 1, 1.0), (1, 2, 2.5)]);
    }

    #[test]
    fn empty_input_is_an_empty_graph() {
        let g = read_str("# nothing\n\n").unwrap();
        assert_eq!(g.node_count(), 0);
        assert_eq!(g.format, None);
    }
}
