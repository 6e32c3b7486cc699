//! `cargo xtask record`: recording outputs, one place that calls every
//! module which records something, so that none of them depends on another
//! to be recorded.
use crate::RecordArgs;
use crate::examples::{Example, all, binary, build, header};
use crate::process::captured;
use crate::util::{root, write};
use std::process::Command;
use std::time::Duration;

/// `cargo xtask record [--python | --listings | --figures | --ids | --measure] [NAME...]`
pub fn record(args: &RecordArgs) -> Result<(), String> {
    let names = &args.names;
    if args.measure {
        return crate::measure::record();
    }
    if args.figures {
        return crate::figures::redraw();
    }
    if args.ids {
        return crate::published::record();
    }
    if args.listings {
        return record_listings(names);
    }
    let all = all()?;
    let python = crate::python::all()?;
    for name in names {
        let example = all.iter().any(|e| &e.name == name);
        let listing = python.iter().any(|l| &l.name == name);
        if args.python && !listing {
            return Err(format!("no listings/python/{name}.py"));
        }
        if !example && !listing {
            return Err(format!(
                "no example `{name}` in examples/, and no listings/python/{name}.py"
            ));
        }
    }
    let chosen: Vec<&Example> = all
        .iter()
        .filter(|e| !args.python && (names.is_empty() || names.contains(&e.name)))
        .collect();
    let chosen_python: Vec<&crate::python::Listing> = python
        .iter()
        .filter(|l| names.is_empty() || names.contains(&l.name))
        .collect();
    if !chosen_python.is_empty() && !crate::python::interpreter()?.pinned {
        return Err(format!(
            "Python listings are recorded with the pinned CPython {}: set PYTHON to one",
            crate::python::pinned_version()?
        ));
    }
    for release in [false, true] {
        let names: Vec<&str> = chosen
            .iter()
            .filter(|e| e.directives.release == release)
            .map(|e| e.name.as_str())
            .collect();
        build(release, &names)?;
    }
    for ex in chosen {
        let d = &ex.directives;
        if d.miri_only {
            crate::checkers::record_under_miri(ex)?;
            continue;
        }
        eprintln!("recording {}", header(&ex.name, d));
        let limit = Duration::from_secs(if d.release { 600 } else { 60 });
        let (ok, out) = captured(Command::new(binary(&ex.name, d.release)), &ex.name, limit)?;
        if !ok {
            return Err(format!("{} failed; nothing recorded:\n{out}", ex.name));
        }
        let text = format!("{}\n{}", header(&ex.name, d), out.trim_end());
        write(&ex.output_file(), text + "\n")?;
    }
    crate::python::record(&chosen_python)?;
    if args.python {
        crate::values::report_after_record();
        return Ok(());
    }
    if names.is_empty() {
        record_machine()?;
    }
    crate::figures::redraw()?;
    crate::values::report_after_record();
    Ok(())
}

/// `record --listings [NAME...]`: the compiler errors of the compile-fail
/// listings (all, or the ones named), through trybuild.
fn record_listings(names: &[String]) -> Result<(), String> {
    for name in names {
        let file = root().join("listings").join(format!("{name}.rs"));
        if !file.exists() {
            return Err(format!(
                "no compile-fail listing listings/{name}.rs (examples are recorded without --listings)"
            ));
        }
    }
    eprintln!(
        "recording the compiler errors of {} (trybuild)",
        if names.is_empty() {
            "listings/*.rs".to_string()
        } else {
            names.join(", ")
        }
    );
    crate::process::run(
        crate::util::cargo_command()
            .args(["test", "--package", "book-tests", "--test", "compile_fail"])
            .env("TRYBUILD", "overwrite")
            .env("BOOK_LISTINGS", names.join(","))
            .current_dir(root()),
    )
}

/// This machine's CPU, as `/proc/cpuinfo` names it.
pub fn cpu_model() -> Option<String> {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").ok()?;
    cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, m)| m.trim().to_owned())
}

/// `listings/output/machine.txt`: where the recorded outputs came from,
/// shown in the preface. It counts logical CPUs (what the examples can use),
/// gives the topology the kernel reports, and says whether the CPU runs under
/// a hypervisor: a virtual machine's "cores" are virtual CPUs, not physical
/// cores.
fn record_machine() -> Result<(), String> {
    let model = cpu_model().unwrap_or_else(|| "unknown".into());
    let logical = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let os = std::fs::read_to_string("/etc/os-release")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("PRETTY_NAME="))
        .map(|s| s.trim_matches('"').to_owned())
        .unwrap_or_else(|| std::env::consts::OS.into());
    let output = |cmd: &mut Command| {
        cmd.output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_default()
    };
    let kernel = output(Command::new("uname").args(["-sr"]));
    let rustc = output(Command::new("rustc").arg("--version").current_dir(root()));
    let python = crate::python::interpreter().map_or_else(|e| e, |p| p.description);
    let memory = std::fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or("unknown".into(), |kb| {
            format!("{} GiB", kb.div_ceil(1024 * 1024))
        });
    let text = format!(
        "$ cargo xtask record\n\
         CPU:          {model}\n\
         logical CPUs: {logical} (std::thread::available_parallelism)\n\
         topology:     {}\n\
         virtualised:  {}\n\
         memory:       {memory}\n\
         OS:           {os}, {kernel}\n\
         rustc:        {rustc}\n\
         python3:      {python}\n",
        topology(&cpuinfo),
        hypervisor(&cpuinfo)
    );
    write(&root().join("listings/output/machine.txt"), text)
}

/// Sockets, cores and threads per core as `/proc/cpuinfo` reports them
/// (inside a virtual machine: as the hypervisor presents them).
fn topology(cpuinfo: &str) -> String {
    let field = |name: &str| -> std::collections::BTreeSet<String> {
        cpuinfo
            .lines()
            .filter_map(|l| l.split_once(':'))
            .filter(|(k, _)| k.trim() == name)
            .map(|(_, v)| v.trim().to_owned())
            .collect()
    };
    let processors = field("processor").len();
    let sockets = field("physical id").len().max(1);
    let cores_per_socket: usize = field("cpu cores")
        .iter()
        .next()
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    if processors == 0 || cores_per_socket == 0 {
        return "not readable here".into();
    }
    let cores = sockets * cores_per_socket;
    format!(
        "{sockets} socket(s), {cores} core(s), {} thread(s) per core (/proc/cpuinfo)",
        processors / cores
    )
}

/// Whether the CPU reports a hypervisor (the `hypervisor` flag), and which
/// one, by its CPUID vendor signature.
fn hypervisor(cpuinfo: &str) -> String {
    let flagged = cpuinfo
        .lines()
        .find(|l| l.starts_with("flags"))
        .is_some_and(|l| l.split_whitespace().any(|f| f == "hypervisor"));
    if !flagged {
        return "no (no hypervisor flag in /proc/cpuinfo)".into();
    }
    #[cfg(target_arch = "x86_64")]
    {
        // Leaf 0x4000_0000 is reserved for hypervisors: its registers spell
        // the vendor's signature ("KVMKVMKVM", "Microsoft Hv", …).
        let leaf = std::arch::x86_64::__cpuid(0x4000_0000);
        let bytes: Vec<u8> = [leaf.ebx, leaf.ecx, leaf.edx]
            .iter()
            .flat_map(|r| r.to_le_bytes())
            .filter(|b| b.is_ascii_graphic())
            .collect();
        let vendor = String::from_utf8_lossy(&bytes).into_owned();
        if !vendor.is_empty() {
            return format!("yes, a virtual machine (hypervisor {vendor})");
        }
    }
    "yes, a virtual machine".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_machine_description_reads_topology_and_hypervisor() {
        let two_vcpus = "processor : 0\nphysical id : 0\ncpu cores : 2\nflags : fpu hypervisor sse\n\
                         processor : 1\nphysical id : 0\ncpu cores : 2\nflags : fpu hypervisor sse\n";
        assert_eq!(
            topology(two_vcpus),
            "1 socket(s), 2 core(s), 1 thread(s) per core (/proc/cpuinfo)"
        );
        assert!(hypervisor(two_vcpus).starts_with("yes, a virtual machine"));
        assert!(hypervisor("flags : fpu sse\n").starts_with("no"));
        assert_eq!(topology(""), "not readable here");
    }
}
