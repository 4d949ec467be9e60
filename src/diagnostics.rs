//! Dev builds only (`--features alloc-stats`): counts the bytes the allocator holds, so a
//! browser probe can tell a leak (bytes that grow with every interaction) from wasm's
//! memory simply never shrinking.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
/// Live allocations by exact size (sizes up to 1 KiB), to name what leaks.
static BY_SIZE: [AtomicUsize; 1025] = [const { AtomicUsize::new(0) }; 1025];

fn count(size: usize, delta: isize) {
    let slot = &BY_SIZE[size.min(1024)];
    if delta > 0 {
        slot.fetch_add(1, Ordering::Relaxed);
    } else {
        slot.fetch_sub(1, Ordering::Relaxed);
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        count(layout.size(), 1);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        count(layout.size(), -1);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        count(new_size, 1);
        count(layout.size(), -1);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes currently allocated by Rust code.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = liveBytes)]
pub fn live_bytes() -> usize {
    LIVE.load(Ordering::Relaxed)
}

/// Live allocation counts by size, as "size:count" pairs joined by spaces.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = liveBySize)]
pub fn live_by_size() -> String {
    BY_SIZE
        .iter()
        .enumerate()
        .filter_map(|(size, n)| {
            let n = n.load(Ordering::Relaxed);
            (n > 0).then(|| format!("{size}:{n}"))
        })
        .collect::<Vec<_>>()
        .join(" ")
}
