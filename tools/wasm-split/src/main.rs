//! Stands in for `wasm-bindgen` on Trunk's PATH, so that Trunk (which knows nothing of code
//! splitting) ships a wasm split at Leptos' `#[lazy]` functions, as `cargo leptos --split` does.
//!
//! Trunk runs `wasm-bindgen --target=web --out-dir=D --out-name=N … input.wasm`. When the input
//! has split points, this first cuts it (`wasm_split_cli_support`, the splitter cargo-leptos
//! uses) into a main module and lazily loaded chunks, in `D/split/`, then runs the real
//! wasm-bindgen on the main module with `--keep-lld-exports` (the chunks link against the
//! main module's exports). Trunk copies the main module to dist as usual;
//! `scripts/postbuild.mjs` brings the chunks and their loader, `__wasm_split.js`, after it.
//! Anything else (`--version`, an input without split points) goes to the real wasm-bindgen
//! untouched.
//!
//! The input must be linked with `--emit-relocs` (`.cargo/config.toml`): the splitter reads
//! the call graph from the relocations.

use std::env;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Every name the `#[lazy]` macro links with starts so (wasm_split_macros).
const SPLIT_MARKER: &[u8] = b"__wasm_split_00";
/// The folder under wasm-bindgen's `--out-dir` that holds the chunks and their loader.
const SPLIT_FOLDER: &str = "split";
/// The loader the main module imports; postbuild.mjs puts it beside the main module's JS.
const LINK_MODULE: &str = "./__wasm_split.js";

fn main() -> ExitCode {
    let args: Vec<OsString> = env::args_os().skip(1).collect();
    let Some(real) = real_wasm_bindgen() else {
        eprintln!("wasm-split-bindgen: no other wasm-bindgen on PATH to hand over to");
        return ExitCode::FAILURE;
    };
    match split_then_bindgen(&real, &args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("wasm-split-bindgen: {message}");
            ExitCode::FAILURE
        }
    }
}

fn split_then_bindgen(real: &Path, args: &[OsString]) -> Result<ExitCode, String> {
    let Some(call) = Invocation::parse(args) else {
        return run(real, args);
    };
    let split_dir = call.out_dir.join(SPLIT_FOLDER);
    // Chunks of an earlier build must never be shipped with this one.
    if split_dir.exists() {
        std::fs::remove_dir_all(&split_dir).map_err(|e| format!("{}: {e}", split_dir.display()))?;
    }
    let input = std::fs::read(&call.input).map_err(|e| format!("{}: {e}", call.input.display()))?;
    if !contains(&input, SPLIT_MARKER) {
        return run(real, args);
    }
    std::fs::create_dir_all(&split_dir).map_err(|e| format!("{}: {e}", split_dir.display()))?;
    let main_out = split_dir.join("main.wasm");
    // Unhashed here; postbuild.mjs points it at the name Trunk gives the JS in dist.
    let main_module = format!("./{}.js", call.out_name);
    let mut options = wasm_split_cli_support::Options::new(&input);
    options.output_dir = &split_dir;
    options.main_out_path = &main_out;
    options.main_module = &main_module;
    options.link_name = LINK_MODULE;
    wasm_split_cli_support::transform(options).map_err(|e| format!("splitting failed: {e:?}"))?;
    run(real, &call.bindgen_args(args, &main_out))
}

/// What a wasm-bindgen command line that builds something says.
#[derive(Debug, PartialEq)]
struct Invocation {
    input: PathBuf,
    out_dir: PathBuf,
    out_name: String,
}

impl Invocation {
    /// `None` for a command line that builds nothing (`--version`, `--help`) or that names
    /// no input, output folder or output name: those pass through untouched.
    fn parse(args: &[OsString]) -> Option<Self> {
        let mut input = None;
        let mut out_dir = None;
        let mut out_name = None;
        let mut args = args.iter().map(|a| a.to_string_lossy().into_owned());
        while let Some(arg) = args.next() {
            let mut value_of = |flag: &str| -> Option<String> {
                if arg == flag {
                    args.next()
                } else {
                    arg.strip_prefix(flag)?.strip_prefix('=').map(str::to_owned)
                }
            };
            if let Some(dir) = value_of("--out-dir") {
                out_dir = Some(PathBuf::from(dir));
            } else if let Some(name) = value_of("--out-name") {
                out_name = Some(name);
            } else if !arg.starts_with('-') && arg.ends_with(".wasm") {
                input = Some(PathBuf::from(arg));
            }
        }
        Some(Invocation {
            input: input?,
            out_dir: out_dir?,
            out_name: out_name?,
        })
    }

    /// The same command line for the real wasm-bindgen, on the split main module.
    fn bindgen_args(&self, args: &[OsString], main_module: &Path) -> Vec<OsString> {
        let mut out: Vec<OsString> = args
            .iter()
            .map(|arg| {
                if Path::new(arg) == self.input {
                    main_module.as_os_str().to_owned()
                } else {
                    arg.clone()
                }
            })
            .collect();
        out.push("--keep-lld-exports".into());
        out
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn run(program: &Path, args: &[OsString]) -> Result<ExitCode, String> {
    let status = Command::new(program)
        .args(args)
        .status()
        .map_err(|e| format!("{}: {e}", program.display()))?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        None => ExitCode::FAILURE,
    })
}

/// The next `wasm-bindgen` on PATH that is not this program.
fn real_wasm_bindgen() -> Option<PathBuf> {
    let me = env::current_exe().ok().and_then(|p| p.canonicalize().ok());
    let name = OsStr::new(if cfg!(windows) {
        "wasm-bindgen.exe"
    } else {
        "wasm-bindgen"
    });
    env::split_paths(&env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file() && candidate.canonicalize().ok() != me)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn reads_trunks_command_line() {
        let args = os(&[
            "--target=web",
            "--out-dir=/t/wasm-bindgen/release",
            "--out-name=app",
            "/t/wasm32-unknown-unknown/release/app.wasm",
            "--no-typescript",
        ]);
        let call = Invocation::parse(&args).unwrap();
        assert_eq!(
            call,
            Invocation {
                input: "/t/wasm32-unknown-unknown/release/app.wasm".into(),
                out_dir: "/t/wasm-bindgen/release".into(),
                out_name: "app".into(),
            }
        );
        let forwarded = call.bindgen_args(&args, Path::new("/t/split/main.wasm"));
        assert_eq!(
            forwarded,
            os(&[
                "--target=web",
                "--out-dir=/t/wasm-bindgen/release",
                "--out-name=app",
                "/t/split/main.wasm",
                "--no-typescript",
                "--keep-lld-exports",
            ])
        );
    }

    #[test]
    fn reads_flags_with_separate_values() {
        let args = os(&["--out-dir", "out", "x.wasm", "--out-name", "n"]);
        let call = Invocation::parse(&args).unwrap();
        assert_eq!(call.out_dir, PathBuf::from("out"));
        assert_eq!(call.out_name, "n");
        assert_eq!(call.input, PathBuf::from("x.wasm"));
    }

    #[test]
    fn passes_through_what_builds_nothing() {
        assert_eq!(Invocation::parse(&os(&["--version"])), None);
        assert_eq!(Invocation::parse(&os(&["x.wasm", "--out-dir=o"])), None);
    }

    #[test]
    fn finds_the_marker() {
        assert!(contains(
            b"..__wasm_split_00breach00_import..",
            SPLIT_MARKER
        ));
        assert!(!contains(b"__wasm_split_0", SPLIT_MARKER));
    }
}
