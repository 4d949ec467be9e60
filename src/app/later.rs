//! Progressive mounting: a long page rendered in one task blocks the main thread for as
//! long as it takes (a slow phone cannot scroll or tap meanwhile). `<Later>` renders its
//! children in a task of their own, after the tasks queued before it, so the page builds
//! up in pieces small enough for input and paint to get in between.
//!
//! Order is depth first: pieces a piece creates as it renders go before the pieces queued
//! after it, so the page fills from the top and nothing above the reader moves.
//! [`settled`] says when the queue is empty (`<html data-ready>` waits for it). [`defer`]
//! puts other work in the same queue, and [`after_next_frame`] does so once the next
//! frame is drawn; [`when_idle`] keeps work out of the way until the browser is idle (a
//! section's language catching up off screen) and the frame of the reader's last change
//! is drawn ([`owe_frame`]).

use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::Duration;
use wasm_bindgen::prelude::*;

/// The pieces waiting for their task, as a pure queue (the browser part is `tick`).
struct Queue<T> {
    waiting: VecDeque<T>,
    /// Queued since the last piece was taken: that piece's own children, if any.
    fresh: Vec<T>,
    /// Pieces that come after every other (the page's footers), in their order.
    last: VecDeque<T>,
}

impl<T> Default for Queue<T> {
    fn default() -> Self {
        Queue {
            waiting: VecDeque::new(),
            fresh: Vec::new(),
            last: VecDeque::new(),
        }
    }
}

impl<T> Queue<T> {
    fn push(&mut self, piece: T) {
        self.fresh.push(piece);
    }

    fn push_last(&mut self, piece: T) {
        self.last.push_back(piece);
    }

    /// The next piece: the children of the last piece first, in their order, then the rest,
    /// then the pieces that come last.
    fn next(&mut self) -> Option<T> {
        for piece in self.fresh.drain(..).rev() {
            self.waiting.push_front(piece);
        }
        self.waiting.pop_front().or_else(|| self.last.pop_front())
    }
}

/// A piece of work waiting for its task.
type Piece = Box<dyn FnOnce()>;

thread_local! {
    static QUEUE: RefCell<Queue<Piece>> = RefCell::default();
    static TICKING: RefCell<bool> = const { RefCell::new(false) };
    static SETTLED: ArcRwSignal<bool> = ArcRwSignal::new(true);
    /// A reader's change is waiting for its frame ([`owe_frame`]).
    static FRAME_OWED: Cell<bool> = const { Cell::new(false) };
    /// Work of [`after_next_frame_unsettled`] waiting for its frame.
    static FRAME_HOLDS: Cell<u32> = const { Cell::new(0) };
    /// Work for the start of the next frame ([`at_next_frame`]), in the order asked.
    static AT_NEXT_FRAME: RefCell<Vec<Piece>> = RefCell::default();
}

/// Runs `work` as the next frame starts (in its animation-frame callbacks), together with
/// all other work asked for that frame, in one callback: each callback of its own is a
/// call from the browser into the wasm, some 0.5 ms on a phone, and the frame after a
/// tap had four or five (the catch-ups a frame behind, the history entry, `owe_frame`).
/// Work asked for while that callback runs goes to the frame after.
pub fn at_next_frame(work: impl FnOnce() + 'static) {
    let first = AT_NEXT_FRAME.with_borrow_mut(|waiting| {
        waiting.push(Box::new(work));
        waiting.len() == 1
    });
    if first {
        ask_for_frame();
    }
}

/// One `requestAnimationFrame` for [`at_next_frame`]'s work, through a callback made once.
fn ask_for_frame() {
    thread_local! {
        static ON_FRAME: Option<Closure<dyn Fn()>> = web_sys::window().map(|_| {
            Closure::<dyn Fn()>::new(|| {
                let mut asked = AT_NEXT_FRAME.take();
                for work in asked.drain(..) {
                    work();
                }
                // The list back, its room kept, unless work for the frame after came
                // meanwhile: taps a task apart ask for dozens a frame, and a list grown
                // anew each frame left the allocator's free memory in pieces.
                AT_NEXT_FRAME.with_borrow_mut(|waiting| {
                    if waiting.is_empty() {
                        *waiting = asked;
                    }
                });
            })
        });
    }
    ON_FRAME.with(|on_frame| {
        if let (Some(window), Some(on_frame)) = (web_sys::window(), on_frame) {
            // It cannot fail with a function; if it did, the work would wait for the next ask.
            let _ = window.request_animation_frame(on_frame.as_ref().unchecked_ref());
        }
    });
}

/// Says that a reader's change is on its way to the screen (`AppState::update` calls it):
/// [`when_idle`] work waits until the frame that shows it is drawn. The browser counts the
/// moments between an input's task and its frame as idle (its idle period lasts until the
/// next frame begins, up to 50 ms), so without this a section's language catch-up, 20 ms
/// on a slow phone, could run there and hold up the frame the reader waits for.
pub fn owe_frame() {
    if !FRAME_OWED.replace(true) {
        at_next_frame(|| FRAME_OWED.set(false));
    }
}

/// True when every `<Later>` created so far has rendered (reactive).
pub fn settled() -> bool {
    SETTLED.with(|settled| settled.get())
}

/// Runs `work` in a task of its own, queued like a `<Later>` piece (so [`settled`] waits
/// for it too).
pub fn defer(work: impl FnOnce() + 'static) {
    schedule(Box::new(work), false, true);
}

/// Runs `work` as [`defer`] does, once the next frame has been drawn: what that frame
/// shows comes first, and `work` after it. It does not hold [`settled`]: it follows a
/// change the page already shows (a catch-up a frame behind, the address bar's timer), and
/// the page's readiness flipping for it wrote `<html data-ready>` inside that very frame
/// (its animation-frame callback queues the work), a step's or a tap's frame every time.
pub fn after_next_frame(work: impl FnOnce() + 'static) {
    at_next_frame(move || schedule(Box::new(work), false, false));
}

/// `value`, a frame behind: it takes each new value in a task after the next frame has
/// been drawn. For a part that can show a change a frame after the rest of the page does
/// (the details beside a diagram): the first frame after a tap, the one a reader waits
/// for, then paints the rest without it.
pub fn a_frame_behind<T>(value: Memo<T>) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    follow_a_frame_behind(value, false)
}

/// As [`a_frame_behind`], and the page is not [`settled`] while a new value waits for its
/// frame: for what a reader asked to see as a whole (the view switched to), whose arrival
/// the page's readiness (`<html data-ready>`) reports.
pub fn a_frame_behind_unsettled<T>(value: Memo<T>) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    follow_a_frame_behind(value, true)
}

fn follow_a_frame_behind<T>(value: Memo<T>, unsettled: bool) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let (behind, set_behind) = signal(value.get_untracked());
    // One catch-up at a time: changes that come before it runs (taps a task apart) are
    // taken with it.
    let waiting = std::rc::Rc::new(Cell::new(false));
    Effect::new(move |first: Option<()>| {
        value.track();
        if first.is_some() && !waiting.replace(true) {
            let waiting = waiting.clone();
            let catch_up = move || {
                waiting.set(false);
                if let Some(now) = value.try_get_untracked() {
                    if behind.try_with_untracked(|b| *b != now) == Some(true) {
                        set_behind.set(now);
                    }
                }
            };
            if unsettled {
                after_next_frame_unsettled(catch_up);
            } else {
                after_next_frame(catch_up);
            }
        }
    });
    behind
}

/// As [`after_next_frame`], and the page is not [`settled`] until `work` has run.
fn after_next_frame_unsettled(work: impl FnOnce() + 'static) {
    FRAME_HOLDS.set(FRAME_HOLDS.get() + 1);
    unsettle();
    at_next_frame(move || {
        FRAME_HOLDS.set(FRAME_HOLDS.get() - 1);
        defer(work);
    });
}

/// The longest [`when_idle`] work waits for the browser to be idle.
const IDLE_TIMEOUT_MS: u32 = 1_000;

/// Runs `work` once the browser is idle and no reader's change waits for its frame:
/// after the input, the frames and the tasks that are due (within [`IDLE_TIMEOUT_MS`] at
/// the latest), so it never holds up the frame after a reader's next tap as a queued task
/// would. For work no reader waits for. Where there is no idle callback (Safari), as
/// [`after_next_frame`].
pub fn when_idle(work: impl FnOnce() + 'static) {
    if let Err(work) = request_idle(IDLE_TIMEOUT_MS, work) {
        after_next_frame(work);
    }
}

/// Runs `work` as [`when_idle`] does, once the next frame has begun: in the browser's idle
/// time after that frame, at the earliest. For a run of background work, one piece per
/// frame (the ownership panels built ahead).
pub fn when_idle_after_next_frame(work: impl FnOnce() + 'static) {
    at_next_frame(move || when_idle(work));
}

/// Runs `work` once the browser is idle, or after `within` at the latest: for small work
/// that should follow soon but not inside an input's frame (the address bar's rewrite).
/// Where there is no idle callback (Safari), after `within`.
pub fn when_idle_within(within: Duration, work: impl FnOnce() + 'static) {
    let timeout = u32::try_from(within.as_millis()).unwrap_or(u32::MAX);
    if let Err(work) = request_idle(timeout, work) {
        set_timeout(work, within);
    }
}

/// `requestIdleCallback(work, { timeout })`, or `work` back where the browser has none.
/// Called back while a reader's change waits for its frame ([`owe_frame`]), it asks again
/// once that frame has begun: `work` then runs after it, or at `timeout_ms` from now.
fn request_idle<F: FnOnce() + 'static>(timeout_ms: u32, work: F) -> Result<(), F> {
    request_idle_by(js_sys::Date::now() + f64::from(timeout_ms), work)
}

/// As [`request_idle`], with the latest time `work` may wait until (`Date.now()`'s clock)
/// kept across its asks: while the reader keeps changing things (a slider's drag), a new
/// ask each frame would put it off for as long as the drag lasts.
fn request_idle_by<F: FnOnce() + 'static>(due: f64, work: F) -> Result<(), F> {
    let window = web_sys::window().filter(|window| {
        js_sys::Reflect::has(window, &JsValue::from_str("requestIdleCallback")).unwrap_or(false)
    });
    let Some(window) = window else {
        return Err(work);
    };
    let options = web_sys::IdleRequestOptions::new();
    // At least 1: a timeout of 0 means none.
    options.set_timeout((due - js_sys::Date::now()).clamp(1.0, f64::from(u32::MAX)) as u32);
    let callback = Closure::once_into_js(move |deadline: web_sys::IdleDeadline| {
        let overdue = deadline.did_timeout() || js_sys::Date::now() >= due;
        if FRAME_OWED.get() && !overdue {
            at_next_frame(move || {
                if let Err(work) = request_idle_by(due, work) {
                    work();
                }
            });
        } else {
            work();
        }
    });
    // It cannot fail once the function is there; if it did, the work would be lost, as
    // it is when the page goes away first.
    let _ = window.request_idle_callback_with_options(callback.unchecked_ref(), &options);
    Ok(())
}

/// Queues `piece` (after every other, with `last`); with `holds_settled`, the page is not
/// [`settled`] until it has run.
fn schedule(piece: Piece, last: bool, holds_settled: bool) {
    QUEUE.with(|queue| {
        let mut queue = queue.borrow_mut();
        if last {
            queue.push_last(piece);
        } else {
            queue.push(piece);
        }
    });
    if holds_settled {
        unsettle();
    }
    let start = TICKING.with(|ticking| !ticking.replace(true));
    if start {
        next_task();
    }
}

fn unsettle() {
    SETTLED.with(|settled| {
        if settled.get_untracked() {
            settled.set(false);
        }
    });
}

/// Runs [`tick`] in a task of its own. Posted as a message on a channel, not as a zero
/// timeout: browsers hold each nested timeout back by at least 4 ms, and with a hundred
/// pieces the story page spent about 0.4 s waiting with nothing to do. A message is a task
/// like a timer's, so input and paint still get in between.
fn next_task() {
    thread_local! {
        static CHANNEL: Option<web_sys::MessageChannel> = ticking_channel();
    }
    let posted = CHANNEL.with(|channel| {
        channel
            .as_ref()
            .is_some_and(|channel| channel.port2().post_message(&JsValue::NULL).is_ok())
    });
    if !posted {
        set_timeout(tick, Duration::ZERO);
    }
}

/// A channel whose messages run [`tick`].
fn ticking_channel() -> Option<web_sys::MessageChannel> {
    let channel = web_sys::MessageChannel::new().ok()?;
    let on_message = Closure::<dyn Fn()>::new(tick);
    channel
        .port1()
        .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // It lives as long as the page.
    on_message.forget();
    Some(channel)
}

/// One piece per task: the piece renders (Leptos runs the effects in this task's
/// microtasks), and the next task takes the next piece; none while a reader's change waits
/// for its frame ([`owe_frame`]).
fn tick() {
    // A reader's change waits for its frame: so do the pieces, so that the time between
    // a tap and that frame is the change's own (a view's list built one item per task
    // would otherwise put an item or two there).
    if FRAME_OWED.get() {
        at_next_frame(next_task);
        return;
    }
    match QUEUE.with(|queue| queue.borrow_mut().next()) {
        Some(piece) => {
            piece();
            next_task();
        }
        None => {
            TICKING.with(|ticking| ticking.replace(false));
            // Work held for a frame queues itself once the frame is drawn.
            // Only a change notifies: a queue of work that did not hold it ran out too.
            if FRAME_HOLDS.get() == 0 {
                SETTLED.with(|settled| {
                    if !settled.get_untracked() {
                        settled.set(true);
                    }
                });
            }
        }
    }
}

/// Renders `children` in a later task (see the module comment). For what is below the
/// first screen, or heavy; what a reader sees first should not wait. `last`: after every
/// other piece, also those queued later (for what ends the page: a component's own pieces
/// are queued when it renders, which can be after the pieces of the components after it).
/// `now`: render at once after all (the first items of a list that fill the first screen;
/// the static shell holds them, see `FIRST_SCREEN_ITEMS`).
#[component]
pub fn Later(
    children: ChildrenFn,
    #[prop(optional)] last: bool,
    #[prop(optional)] now: bool,
) -> impl IntoView {
    let shown = ArcRwSignal::new(now);
    if !now {
        let show = shown.clone();
        schedule(Box::new(move || show.set(true)), last, true);
    }
    move || shown.get().then(|| children())
}

/// A drawing built in pieces (each a `<Later now=…>` given [`InPieces::now`]), hidden until
/// the last is in: laid out (its size is set, so nothing moves) but not painted
/// (`data-building`, see style.css), so no half-drawn state is ever seen. Built at once
/// instead where it is drawn anew often (a presenter's slides, a redraw at a new width),
/// or it would blink.
#[derive(Clone, Copy)]
pub struct InPieces {
    now: bool,
    whole: RwSignal<bool>,
}

impl InPieces {
    /// In pieces, or (`at_once`) in the current task.
    pub fn new(at_once: bool) -> InPieces {
        InPieces {
            now: at_once,
            whole: RwSignal::new(at_once),
        }
    }

    /// Whether the pieces render in the current task (`<Later now=…>`).
    pub fn now(self) -> bool {
        self.now
    }

    /// The drawing's `data-building` attribute: set until it is whole.
    pub fn building(self) -> impl Fn() -> Option<&'static str> + Copy {
        move || (!self.whole.get()).then_some("1")
    }

    /// Shows the drawing once its pieces are in: call it after creating them, so that it
    /// is queued after them.
    pub fn show_when_built(self) {
        if !self.now {
            defer(move || self.whole.set(true));
        }
    }
}

/// How many items of a long list are built before the static shell gives way, for a view
/// whose first screen is that list (timeline, glossary): a phone's first screen holds no
/// more. The list says so in `data-first-screen`, and the shell (`scripts/prerender.mjs`)
/// holds no more.
pub const FIRST_SCREEN_ITEMS: usize = 3;

#[cfg(test)]
mod tests {
    use super::Queue;

    #[test]
    fn pieces_come_in_the_order_queued() {
        let mut queue = Queue::default();
        queue.push("ownership");
        queue.push("breach");
        assert_eq!(queue.next(), Some("ownership"));
        assert_eq!(queue.next(), Some("breach"));
        assert_eq!(queue.next(), None);
    }

    #[test]
    fn a_piece_s_own_pieces_come_before_its_later_siblings() {
        let mut queue = Queue::default();
        queue.push("ownership");
        queue.push("guidance");
        queue.push("timeline");
        assert_eq!(queue.next(), Some("ownership"));
        assert_eq!(queue.next(), Some("guidance"));
        // Guidance rendered, queueing its two blocks.
        queue.push("guidance 1");
        queue.push("guidance 2");
        assert_eq!(queue.next(), Some("guidance 1"));
        queue.push("guidance 1, requirement 1");
        assert_eq!(queue.next(), Some("guidance 1, requirement 1"));
        assert_eq!(queue.next(), Some("guidance 2"));
        assert_eq!(queue.next(), Some("timeline"));
        assert_eq!(queue.next(), None);
    }

    #[test]
    fn the_last_pieces_wait_for_every_other_even_those_queued_after_them() {
        let mut queue = Queue::default();
        queue.push_last("footer");
        queue.push("numbers chart");
        assert_eq!(queue.next(), Some("numbers chart"));
        queue.push("numbers table");
        assert_eq!(queue.next(), Some("numbers table"));
        assert_eq!(queue.next(), Some("footer"));
        assert_eq!(queue.next(), None);
    }
}
