//! The weights of a linear-chain tagger, Viterbi decoding, averaged
//! structured-perceptron training (Collins 2002,
//! <https://aclanthology.org/W02-1001/>) and a small binary format.

use super::features::Sequence;
use super::{Label, LABELS};

const MAGIC: &[u8; 4] = b"CMTG";
/// Version 2 adds a byte of feature flags after the label count; version 1
/// files are read with none set.
const VERSION: u8 = 2;

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// The bytes do not start with the model's magic number and version.
    #[error("not a citemap tagger model (bad magic or version)")]
    BadHeader,
    /// The file ends before the data its header announces.
    #[error("tagger model is truncated")]
    Truncated,
    /// The header announces a table size or label count this build cannot use.
    #[error("tagger model has an unsupported shape: {0}")]
    Shape(String),
}

/// Weights of one bucket are padded to a cache line's worth of floats, so
/// each feature costs one aligned line and the sums vectorise.
const ROW: usize = 16;

/// A trained tagger: per feature bucket and label a weight, and a weight
/// per pair of neighbouring labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    bits: u32,
    /// Optional feature groups the model was trained with (`features::WORDS`).
    flags: u8,
    /// `buckets × ROW` emission weights, the first `LABELS` of each row
    /// used, while training; empty in a model read from bytes.
    weights: Vec<f32>,
    /// The same weights quantised to 16 bits (times `scale`), as the model
    /// file stores them: half the memory of `weights`, so more of the table
    /// stays in cache while decoding. Empty while training.
    quant: Vec<i16>,
    /// The weight of one step of `quant`.
    scale: f32,
    /// `(LABELS + 1) × LABELS` transition weights; row `LABELS` is the start.
    transitions: Vec<f32>,
}

/// Settings of [`Tagger::train`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainOptions {
    /// Passes over the training sequences.
    pub epochs: usize,
    /// Feature hashes fold into `2^bits` buckets.
    pub bits: u32,
    /// Seed of the deterministic shuffling between epochs.
    pub seed: u64,
    /// Optional feature groups (`features::WORDS`).
    pub flags: u8,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 25,
            bits: 17,
            seed: 7,
            flags: super::features::WORDS | super::features::CONTEXT,
        }
    }
}

impl Tagger {
    fn empty(bits: u32, flags: u8) -> Tagger {
        Tagger {
            bits,
            flags,
            weights: vec![0.0; (1usize << bits) * ROW],
            quant: Vec::new(),
            scale: 0.0,
            transitions: vec![0.0; (LABELS + 1) * LABELS],
        }
    }

    /// The model as it decodes after a round trip through its bytes
    /// (weights quantised), so that measurements see the shipped model.
    pub fn quantised(&self) -> Tagger {
        Tagger::from_bytes(&self.to_bytes()).unwrap_or_else(|_| self.clone())
    }

    /// The optional feature groups this model reads; sequences to decode
    /// must be built with the same.
    pub fn flags(&self) -> u8 {
        self.flags
    }

    #[inline]
    fn bucket(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize * ROW
    }

    fn emissions(&self, seq: &Sequence, out: &mut Vec<[f32; LABELS]>) {
        out.clear();
        if !self.quant.is_empty() {
            for i in 0..seq.tokens.len() {
                let mut e = [0i32; ROW];
                for &h in seq.of(i) {
                    let b = self.bucket(h);
                    let w = &self.quant[b..b + ROW];
                    for (e, w) in e.iter_mut().zip(w) {
                        *e += i32::from(*w);
                    }
                }
                let mut row = [0f32; LABELS];
                for (r, e) in row.iter_mut().zip(&e) {
                    *r = *e as f32 * self.scale;
                }
                out.push(row);
            }
            return;
        }
        for i in 0..seq.tokens.len() {
            let mut e = [0f32; ROW];
            for &h in seq.of(i) {
                let b = self.bucket(h);
                let w = &self.weights[b..b + ROW];
                for (e, w) in e.iter_mut().zip(w) {
                    *e += *w;
                }
            }
            let mut row = [0f32; LABELS];
            row.copy_from_slice(&e[..LABELS]);
            out.push(row);
        }
    }

    /// The best label sequence for `seq` under the model (Viterbi).
    pub fn decode(&self, seq: &Sequence) -> Vec<Label> {
        let mut em = Vec::with_capacity(seq.tokens.len());
        self.emissions(seq, &mut em);
        viterbi(&em, &self.transitions)
    }

    /// Trains a tagger on `data` (sequences with one gold label per token)
    /// with the averaged perceptron. Deterministic for the same input and
    /// options.
    pub fn train(data: &[(Sequence, Vec<Label>)], opts: TrainOptions) -> Tagger {
        let mut model = Tagger::empty(opts.bits, opts.flags);
        // Sums of every update weighted by when it happened, for averaging.
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
                let pred = viterbi(&em, &model.transitions);
                if pred == *gold {
                    step += 1.0;
                    continue;
                }
                let mut update = |m: &mut Tagger, i: usize, l: Label, d: f32| {
                    for &h in seq.of(i) {
                        let b = m.bucket(h) + l as usize;
                        m.weights[b] += d;
                        acc_w[b] += d * step;
                    }
                };
                for i in 0..gold.len() {
                    if pred[i] != gold[i] {
                        update(&mut model, i, gold[i], 1.0);
                        update(&mut model, i, pred[i], -1.0);
                    }
                }
                let mut prev_g = LABELS;
                let mut prev_p = LABELS;
                for i in 0..gold.len() {
                    let (g, p) = (gold[i] as usize, pred[i] as usize);
                    if g != p || prev_g != prev_p {
                        model.transitions[prev_g * LABELS + g] += 1.0;
                        acc_t[prev_g * LABELS + g] += step;
                        model.transitions[prev_p * LABELS + p] -= 1.0;
                        acc_t[prev_p * LABELS + p] -= step;
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
        out.push(LABELS as u8);
        out.push(self.flags);
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        if self.weights.is_empty() {
            return self.dequantised().to_bytes();
        }
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        out.extend_from_slice(&scale.to_le_bytes());
        let rows: Vec<(usize, [i16; LABELS])> = self
            .weights
            .chunks_exact(ROW)
            .enumerate()
            .filter_map(|(b, row)| {
                let mut q = [0i16; LABELS];
                for (q, w) in q.iter_mut().zip(&row[..LABELS]) {
                    *q = (w / scale).round() as i16;
                }
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

    fn dequantised(&self) -> Tagger {
        let mut m = self.clone();
        m.weights = self
            .quant
            .iter()
            .map(|&q| f32::from(q) * self.scale)
            .collect();
        m.quant = Vec::new();
        m
    }

    /// Reads a model written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError::BadHeader);
        }
        let version = r.take(1)?[0];
        if !(1..=VERSION).contains(&version) {
            return Err(ModelError::BadHeader);
        }
        let bits = u32::from(r.take(1)?[0]);
        let labels = usize::from(r.take(1)?[0]);
        let flags = if version >= 2 { r.take(1)?[0] } else { 0 };
        if !(8..=22).contains(&bits) || labels != LABELS {
            return Err(ModelError::Shape(format!(
                "{bits} bits, {labels} labels (this build has {LABELS})"
            )));
        }
        let mut model = Tagger::empty(bits, flags);
        model.weights = Vec::new();
        for t in model.transitions.iter_mut() {
            *t = r.f32()?;
        }
        let scale = r.f32()?;
        if !scale.is_finite() {
            return Err(ModelError::Shape("weight scale is not a number".into()));
        }
        model.scale = scale;
        model.quant = vec![0; (1usize << bits) * ROW];
        let rows = r.u32()? as usize;
        let buckets = 1usize << bits;
        for _ in 0..rows {
            let b = r.u32()? as usize;
            if b >= buckets {
                return Err(ModelError::Shape(format!("bucket {b} beyond {buckets}")));
            }
            for l in 0..LABELS {
                let q = i16::from_le_bytes([r.take(1)?[0], r.take(1)?[0]]);
                model.quant[b * ROW + l] = q;
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

/// Lanes of the Viterbi step: `LABELS` rounded up to a whole vector.
const VLANES: usize = 12;

fn viterbi(em: &[[f32; LABELS]], trans: &[f32]) -> Vec<Label> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    let mut back = vec![[0u8; LABELS]; n];
    let mut score = [0f32; LABELS];
    for l in 0..LABELS {
        score[l] = trans[LABELS * LABELS + l] + em[0][l];
    }
    // The transitions padded to rows of VLANES (the padding lanes are never
    // read back), so the inner loop is whole vectors of selects.
    let mut padded = [[0f32; VLANES]; LABELS];
    for (p, row) in padded.iter_mut().enumerate() {
        row[..LABELS].copy_from_slice(&trans[p * LABELS..p * LABELS + LABELS]);
    }
    for i in 1..n {
        // Previous label outside, next label inside: the inner loop runs
        // over arrays and vectorises. A strictly greater score replaces the
        // best, so ties keep the lowest previous label, as before.
        let mut best = [f32::NEG_INFINITY; VLANES];
        let mut arg = [0u32; VLANES];
        for (p, (s, row)) in score.iter().zip(&padded).enumerate() {
            for l in 0..VLANES {
                let v = s + row[l];
                let better = v > best[l];
                best[l] = if better { v } else { best[l] };
                arg[l] = if better { p as u32 } else { arg[l] };
            }
        }
        for l in 0..LABELS {
            score[l] = best[l] + em[i][l];
            back[i][l] = arg[l] as u8;
        }
    }
    let mut l = (0..LABELS)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]))
        .unwrap_or(0);
    let mut out = vec![Label::Other; n];
    for i in (0..n).rev() {
        out[i] = Label::ALL[l];
        l = back[i][l] as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip_and_bad_input_is_an_error() {
        let mut m = Tagger::empty(8, 1);
        m.weights[3 * ROW + 2] = 1.5;
        m.weights[200 * ROW] = -0.25;
        m.transitions[5] = 0.75;
        let b = m.to_bytes();
        let back = Tagger::from_bytes(&b).unwrap();
        assert_eq!(back.transitions, m.transitions);
        assert_eq!(back.flags(), 1);
        let w = back.dequantised().weights;
        assert!((w[3 * ROW + 2] - 1.5).abs() < 1e-3);
        assert!((w[200 * ROW] + 0.25).abs() < 1e-3);
        // A read model writes the same bytes again.
        assert_eq!(back.to_bytes(), b);
        assert_eq!(
            Tagger::from_bytes(&b[..b.len() - 1]),
            Err(ModelError::Truncated)
        );
        assert_eq!(Tagger::from_bytes(b"nope"), Err(ModelError::BadHeader));
    }
}
