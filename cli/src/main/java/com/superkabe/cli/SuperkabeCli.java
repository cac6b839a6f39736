package com.superkabe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./superkabe}: the operator's forensics tool. Each subcommand's --help says what it reads. */
@Command(name = "superkabe", mixinStandardHelpOptions = true, version = "superkabe 0.1.0",
        description = {"Answers 'why was this mailbox paused, why was this lead blocked?' from the Kafka topics "
            + "alone. Reads the local stack's broker (localhost:19092) unless told --bootstrap-servers (and "
            + "--command-config for TLS/SASL); never joins a consumer group and never writes, except 'dlt redrive'. "
            + "'./superkabe help COMMAND' explains each command.", ""},
        subcommands = {TimelineCommand.class, VerifyCommand.class, WhatIfCommand.class, DltCommand.class,
            BounceCommand.class, LeadCommand.class, ReplayBenchCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done; verify: every replayed decision matched what was published",
            "  1  findings: a divergence (verify), a RED lead (lead check), a non-bounce (bounce classify)",
            "  2  bad command line", "  3  the cluster could not be read or written",
            "  4  an input could not be read (file, record, option value)",
            "  5  nothing about the entity asked for (timeline, dlt show, dlt redrive)",
            "  70 an internal error (a bug: the stack trace is printed)"})
public final class SuperkabeCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; the tests call this. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Every command answers --help with its own usage (as './superkabe help COMMAND' does). */
    private static void addHelpOption(CommandLine command) {
        if (command.getCommandSpec().findOption("--help") == null) {
            command.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help and exit.").build());
        }
        command.getSubcommands().values().forEach(SuperkabeCli::addHelpOption);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SuperkabeCli());
        cli.getSubcommands().values().forEach(SuperkabeCli::addHelpOption);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("superkabe: " + ex.getMessage());
            return switch (ex) {
                case InputException e -> ExitCodes.INPUT;
                case ClusterException e -> ExitCodes.CLUSTER;
                default -> {
                    ex.printStackTrace(cmd.getErr());
                    yield ExitCodes.INTERNAL;
                }
            };
        });
        return cli;
    }
}
