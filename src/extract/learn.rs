//! A small linear-chain line labeller: hashed features, Viterbi decoding,
//! averaged structured-perceptron training (Collins 2002,
//! <https://aclanthology.org/W02-1001/>) and a compact binary model format.
//!
//! Each line of a document is one position of the chain. A line carries its
//! own feature hashes; the first `core` of them are also seen by the lines
//! up to [`REACH`] positions away, salted with the offset, so neighbours'
//! features cost no memory of their own.

const MAGIC: &[u8; 4] = b"CMLL";
const VERSION: u8 = 1;

/// How far (in lines) a line's core features reach its neighbours.
pub const REACH: usize = 2;

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// The bytes do not start with the model's magic number and version.
    #[error("not a citemap line model (bad magic or version)")]
    BadHeader,
    /// The file ends before the data its header announces.
    #[error("line model is truncated")]
    Truncated,
    /// The header announces a size this build cannot use.
    #[error("line model has an unsupported shape: {0}")]
    Shape(String),
}

/// The features of a document's lines, flattened.
#[derive(Debug, Clone, Default)]
pub struct Lines {
    feats: Vec<u32>,
    /// `starts[i]..starts[i + 1]` are line `i`'s features.
    starts: Vec<u32>,
    /// How many of line `i`'s features its neighbours see.
    core: Vec<u16>,
}

impl Lines {
    /// An empty sequence.
    pub fn new() -> Lines {
        Lines {
            feats: Vec::new(),
            starts: vec![0],
            core: Vec::new(),
        }
    }

    /// Adds a line: its `core` features (shared with neighbours) first,
    /// then features only it sees.
    pub fn push(&mut self, core: &[u32], own: &[u32]) {
        self.feats.extend_from_slice(core);
        self.feats.extend_from_slice(own);
        self.starts.push(self.feats.len() as u32);
        self.core.push(core.len().min(u16::MAX as usize) as u16);
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.core.len()
    }

    /// True when there are no lines.
    pub fn is_empty(&self) -> bool {
        self.core.is_empty()
    }

    fn of(&self, i: usize) -> &[u32] {
        &self.feats[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    fn core_of(&self, i: usize) -> &[u32] {
        let s = self.starts[i] as usize;
        &self.feats[s..s + self.core[i] as usize]
    }

    /// Calls `f` with every (salted) feature hash that scores line `i`.
    fn each(&self, i: usize, mut f: impl FnMut(u32)) {
        for &h in self.of(i) {
            f(h);
        }
        for d in 1..=REACH {
            if i >= d {
                for &h in self.core_of(i - d) {
                    f(salt(h, d as u32));
                }
            } else {
                f(salt(BEFORE_START, d as u32));
            }
            if i + d < self.len() {
                for &h in self.core_of(i + d) {
                    f(salt(h, (REACH + d) as u32));
                }
            } else {
                f(salt(AFTER_END, d as u32));
            }
        }
    }
}

const BEFORE_START: u32 = 0x5eed_0001;
const AFTER_END: u32 = 0x5eed_0002;

#[inline]
fn salt(h: u32, d: u32) -> u32 {
    (h ^ d.wrapping_mul(0x9E37_79B9))
        .wrapping_mul(0x85EB_CA6B)
        .rotate_left(13)
        ^ d
}

/// Hashes a feature name and value (FNV-1a folded to 32 bits).
pub fn hash(tag: &str, value: &[u8]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in tag.as_bytes().iter().chain(&[0xff]).chain(value) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h ^ (h >> 32)) as u32
}

/// A trained labeller.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    bits: u32,
    labels: usize,
    /// `buckets × labels` emission weights.
    weights: Vec<f32>,
    /// `(labels + 1) × labels` transition weights; row `labels` is the start.
    transitions: Vec<f32>,
}

/// Settings of [`Model::train`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainOptions {
    /// Passes over the training documents.
    pub epochs: usize,
    /// Feature hashes fold into `2^bits` buckets.
    pub bits: u32,
    /// Seed of the deterministic shuffling between epochs.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            bits: 16,
            seed: 7,
        }
    }
}

impl Model {
    fn empty(bits: u32, labels: usize) -> Model {
        Model {
            bits,
            labels,
            weights: vec![0.0; (1usize << bits) * labels],
            transitions: vec![0.0; (labels + 1) * labels],
        }
    }

    /// Number of labels.
    pub fn labels(&self) -> usize {
        self.labels
    }

    #[inline]
    fn bucket(&self, h: u32) -> usize {
        let m = h.wrapping_mul(0x9E37_79B9);
        (m >> (32 - self.bits)) as usize * self.labels
    }

    fn emissions(&self, seq: &Lines, out: &mut Vec<f32>) {
        let l = self.labels;
        out.clear();
        out.resize(seq.len() * l, 0.0);
        for i in 0..seq.len() {
            let row = &mut out[i * l..(i + 1) * l];
            seq.each(i, |h| {
                let b = self.bucket(h);
                for (e, w) in row.iter_mut().zip(&self.weights[b..b + l]) {
                    *e += *w;
                }
            });
        }
    }

    /// The best label sequence for `seq` (Viterbi), labels as indices.
    pub fn decode(&self, seq: &Lines) -> Vec<u8> {
        let mut em = Vec::new();
        self.emissions(seq, &mut em);
        viterbi(&em, &self.transitions, self.labels)
    }

    /// Trains a labeller with `labels` labels on documents with one gold
    /// label per line. Deterministic for the same input and options.
    pub fn train(data: &[(Lines, Vec<u8>)], labels: usize, opts: TrainOptions) -> Model {
        let mut model = Model::empty(opts.bits, labels);
        let mut acc_w = vec![0f32; model.weights.len()];
        let mut acc_t = vec![0f32; model.transitions.len()];
        let mut step = 1f32;
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = opts.seed | 1;
        let mut em = Vec::new();
        for _ in 0..opts.epochs {
            for k in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(k, (rng % (k as u64 + 1)) as usize);
            }
            for &ix in &order {
                let (seq, gold) = &data[ix];
                model.emissions(seq, &mut em);
                let pred = viterbi(&em, &model.transitions, labels);
                if pred == *gold {
                    step += 1.0;
                    continue;
                }
                for i in 0..gold.len() {
                    if pred[i] != gold[i] {
                        let (g, p) = (gold[i] as usize, pred[i] as usize);
                        seq.each(i, |h| {
                            let b = model.bucket(h);
                            model.weights[b + g] += 1.0;
                            acc_w[b + g] += step;
                            model.weights[b + p] -= 1.0;
                            acc_w[b + p] -= step;
                        });
                    }
                }
                let mut prev_g = labels;
                let mut prev_p = labels;
                for i in 0..gold.len() {
                    let (g, p) = (gold[i] as usize, pred[i] as usize);
                    if g != p || prev_g != prev_p {
                        model.transitions[prev_g * labels + g] += 1.0;
                        acc_t[prev_g * labels + g] += step;
                        model.transitions[prev_p * labels + p] -= 1.0;
                        acc_t[prev_p * labels + p] -= step;
                    }
                    prev_g = g;
                    prev_p = p;
                }
                step += 1.0;
            }
        }
        for (w, a) in model.weights.iter_mut().zip(&acc_w) {
            *w -= a / step;
        }
        for (w, a) in model.transitions.iter_mut().zip(&acc_t) {
            *w -= a / step;
        }
        model
    }

    /// The model as bytes: header, transitions, then only the buckets with
    /// a weight, quantised to 16 bits.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.push(self.bits as u8);
        out.push(self.labels as u8);
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        out.extend_from_slice(&scale.to_le_bytes());
        let rows: Vec<(usize, Vec<i16>)> = self
            .weights
            .chunks_exact(self.labels)
            .enumerate()
            .filter_map(|(b, row)| {
                let q: Vec<i16> = row.iter().map(|w| (w / scale).round() as i16).collect();
                q.iter().any(|&x| x != 0).then_some((b, q))
            })
            .collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (b, q) in rows {
            out.extend_from_slice(&(b as u32).to_le_bytes());
            for x in q {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC || r.take(1)?[0] != VERSION {
            return Err(ModelError::BadHeader);
        }
        let bits = u32::from(r.take(1)?[0]);
        let labels = usize::from(r.take(1)?[0]);
        if !(8..=22).contains(&bits) || !(2..=8).contains(&labels) {
            return Err(ModelError::Shape(format!("{bits} bits, {labels} labels")));
        }
        let mut model = Model::empty(bits, labels);
        for t in model.transitions.iter_mut() {
            *t = r.f32()?;
        }
        let scale = r.f32()?;
        let rows = r.u32()? as usize;
        let buckets = 1usize << bits;
        for _ in 0..rows {
            let b = r.u32()? as usize;
            if b >= buckets {
                return Err(ModelError::Shape(format!("bucket {b} beyond {buckets}")));
            }
            for l in 0..labels {
                let q = i16::from_le_bytes([r.take(1)?[0], r.take(1)?[0]]);
                model.weights[b * labels + l] = f32::from(q) * scale;
            }
        }
        Ok(model)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or(ModelError::Truncated)?;
        self.at += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

fn viterbi(em: &[f32], trans: &[f32], l: usize) -> Vec<u8> {
    let n = em.len() / l;
    if n == 0 {
        return Vec::new();
    }
    let mut back = vec![0u8; n * l];
    let mut score: Vec<f32> = (0..l).map(|k| trans[l * l + k] + em[k]).collect();
    let mut next = vec![0f32; l];
    for i in 1..n {
        for k in 0..l {
            let (mut best, mut arg) = (f32::NEG_INFINITY, 0u8);
            for (p, s) in score.iter().enumerate() {
                let v = s + trans[p * l + k];
                if v > best {
                    best = v;
                    arg = p as u8;
                }
            }
            next[k] = best + em[i * l + k];
            back[i * l + k] = arg;
        }
        std::mem::swap(&mut score, &mut next);
    }
    let mut k = (0..l)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]))
        .unwrap_or(0);
    let mut out = vec![0u8; n];
    for i in (0..n).rev() {
        out[i] = k as u8;
        k = back[i * l + k] as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(tags: &[&str]) -> Lines {
        let mut s = Lines::new();
        for t in tags {
            s.push(&[hash("w", t.as_bytes())], &[hash("bias", b"")]);
        }
        s
    }

    #[test]
    fn learns_a_toy_chain_and_round_trips() {
        let data = vec![
            (seq(&["a", "b", "b", "a"]), vec![0, 1, 1, 0]),
            (seq(&["b", "a", "a"]), vec![1, 0, 0]),
            // Lines see their neighbours' words too, so the toy shows each
            // word beside each other word at least once.
            (seq(&["a", "b", "a", "b", "b"]), vec![0, 1, 0, 1, 1]),
        ];
        // Two tiny documents: enough passes for the averaged weights to
        // settle (the default suits thousands of lines, not seven).
        let opts = TrainOptions {
            epochs: 60,
            ..TrainOptions::default()
        };
        let m = Model::train(&data, 2, opts);
        assert_eq!(m.decode(&seq(&["a", "b", "a"])), vec![0, 1, 0]);
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.decode(&seq(&["b", "b", "a"])), vec![1, 1, 0]);
        assert_eq!(Model::from_bytes(b"nope"), Err(ModelError::BadHeader));
        assert_eq!(
            Model::from_bytes(&m.to_bytes()[..20]),
            Err(ModelError::Truncated)
        );
    }
}
