//! Running the `phiscrub` binary from a native test.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the CLI with `args` and the environment variables `env`, writing `stdin` to it on its own thread (an input larger than the
/// pipe's buffer would otherwise block against the CLI's output). Also returns how the write
/// ended: a process that refuses its arguments exits without reading, so a broken pipe is for
/// the caller to judge.
pub fn run_with(
    args: &[&str],
    env: &[(&str, &str)],
    stdin: Vec<u8>,
) -> (Output, std::io::Result<()>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_phiscrub"))
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the phiscrub binary runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let writer = std::thread::spawn(move || pipe.write_all(&stdin));
    let out = child.wait_with_output().expect("the phiscrub binary ends");
    (out, writer.join().expect("the writer thread does not panic"))
}
