//! Types that hold the set of sources or subscribers affiliated with a reactive node.
//!
//! At the moment, these are implemented as linear maps built on a `Vec<_>`. This is for the sake
//! of minimizing binary size as much as possible, and on the assumption that the M:N relationship
//! between sources and subscribers usually consists of fairly small numbers, such that the cost of
//! a linear search is not significantly more expensive than a hash and lookup.

use super::{AnySource, AnySubscriber, Source};
use indexmap::IndexSet;
use rustc_hash::FxHasher;
use std::{
    collections::{hash_map::Entry, HashMap},
    hash::BuildHasherDefault,
    mem,
};

type FxIndexSet<T> = IndexSet<T, BuildHasherDefault<FxHasher>>;

#[derive(Default, Clone, Debug)]
pub struct SourceSet(FxIndexSet<AnySource>);

impl SourceSet {
    pub fn new() -> Self {
        Self(Default::default())
    }

    pub fn insert(&mut self, source: AnySource) {
        self.0.insert(source);
    }

    pub fn remove(&mut self, source: &AnySource) {
        self.0.shift_remove(source);
    }

    pub fn take(&mut self) -> FxIndexSet<AnySource> {
        mem::take(&mut self.0)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn clear_sources(&mut self, subscriber: &AnySubscriber) {
        for source in self.take() {
            source.remove_subscriber(subscriber);
        }
    }
}

impl IntoIterator for SourceSet {
    type Item = AnySource;
    type IntoIter = <FxIndexSet<AnySource> as IntoIterator>::IntoIter;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a SourceSet {
    type Item = &'a AnySource;
    type IntoIter = <&'a FxIndexSet<AnySource> as IntoIterator>::IntoIter;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
// Patched (line-breach-explainer, see vendor/README.md): upstream keeps subscribers in an
// `IndexSet` and unsubscribes with `shift_remove`, which moves every later entry and
// rewrites its index: O(n) per removal. Every effect that re-runs or is dropped leaves
// each source it read, so a language switch that re-runs the 2,000 texts reading one
// signal cost O(n²) (a fifth of the switch's script time). Here a removal leaves a hole
// that iteration skips, and the holes are squeezed out once they are as many as the
// live entries: O(1) amortised, and the order of the live subscribers (which upstream
// keeps on purpose) is unchanged.
#[derive(Debug, Default, Clone)]
pub struct SubscriberSet {
    /// In subscription order; `None` is a removed subscriber not yet squeezed out.
    slots: Vec<Option<AnySubscriber>>,
    /// Each live subscriber's place in `slots`, by its identity (`AnySubscriber.0`).
    places: HashMap<usize, usize, BuildHasherDefault<FxHasher>>,
}

impl SubscriberSet {
    pub fn new() -> Self {
        Self {
            slots: Vec::with_capacity(2),
            places: HashMap::default(),
        }
    }

    pub fn subscribe(&mut self, subscriber: AnySubscriber) {
        // Like `IndexSet::insert`: one already there keeps its place.
        if let Entry::Vacant(entry) = self.places.entry(subscriber.0) {
            entry.insert(self.slots.len());
            self.slots.push(Some(subscriber));
        }
    }

    pub fn unsubscribe(&mut self, subscriber: &AnySubscriber) {
        // note: the order of the others is kept (upstream: "do not use `.swap_remove()`
        // here ... it maintains the order of the subscribers, which is important to
        // correctness when you're using this to drive something like a UI").
        let Some(place) = self.places.remove(&subscriber.0) else {
            return;
        };
        self.slots[place] = None;
        while matches!(self.slots.last(), Some(None)) {
            self.slots.pop();
        }
        if self.slots.len() > 2 * self.places.len() + 8 {
            self.squeeze();
        }
    }

    /// Drops the holes, keeping the order, and renumbers the places.
    fn squeeze(&mut self) {
        self.slots.retain(Option::is_some);
        for (place, subscriber) in self.slots.iter().flatten().enumerate() {
            self.places.insert(subscriber.0, place);
        }
    }

    pub fn take(&mut self) -> SubscriberSet {
        mem::take(self)
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }
}

impl IntoIterator for SubscriberSet {
    type Item = AnySubscriber;
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Option<AnySubscriber>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.slots.into_iter().flatten()
    }
}

impl<'a> IntoIterator for &'a SubscriberSet {
    type Item = &'a AnySubscriber;
    type IntoIter = std::iter::Flatten<std::slice::Iter<'a, Option<AnySubscriber>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.slots.iter().flatten()
    }
}
