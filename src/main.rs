//! Entry point: install the panic hook, mount the app. Everything else lives in the library.

fn main() {
    line_breach_explainer::start();
}
