package io.ferry.plan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlanCliTest {

    @TempDir
    Path plans;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = PlanCli.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(plans.resolve(name), content);
    }

    @Test
    void printsTheComposedChains() throws IOException {
        write("order-1-to-2.yaml", "process: order\nfrom: 1\nto: 2\nnodes: {approveOrder: approve}\n"
                + "variables: {rename: {amount: total}, defaults: {currency: EUR}}\n");
        write("order-2-to-3.yaml", "process: order\nfrom: 2\nto: 3\nnodes: {approve: signOff}\nvariables: {remove: [legacyFlag]}\n");

        int exitCode = run(plans.toString());

        assertThat(exitCode).isZero();
        String first = plans.resolve("order-1-to-2.yaml").toString();
        String second = plans.resolve("order-2-to-3.yaml").toString();
        assertThat(out.toString().lines()).containsExactly(
                "order 1 → 3 by " + first + ", " + second,
                "  node approveOrder → signOff",
                "  node approve → signOff",
                "  rename amount → total",
                "  default currency = \"EUR\"",
                "  remove legacyFlag",
                "order 2 → 3 by " + second,
                "  node approve → signOff",
                "  remove legacyFlag");
    }

    @Test
    void printsChainsAsJson() throws IOException {
        write("order-1-to-2.yaml", "process: order\nfrom: 1\nto: 2\n");

        assertThat(run("--json", plans.toString())).isZero();
        assertThat(out.toString()).contains("\"fromVersion\" : \"1\"", "\"toVersion\" : \"2\"");
    }

    @Test
    void printsEveryProblemAndExitsWithOne() throws IOException {
        write("a.yaml", "process: order\nfrom: 1\nto: 2\nnodez: {}\n");
        write("b.yaml", "process: order\nfrom: 2\nto: 3\n");
        write("c.yaml", "process: order\nfrom: 2\nto: 3\n");

        int exitCode = run("--current", "order=3", plans.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly(
                plans.resolve("a.yaml") + ":4:1: unknown field 'nodez' in the plan; the fields are: process, from, to, description, author, nodes, variables, timers",
                plans.resolve("c.yaml") + ":2:7: plan leaves version 2 of process 'order', which " + plans.resolve("b.yaml")
                        + " already leaves; one plan per version: merge the two plans or fix 'from'",
                "2 problem(s) in 3 plan file(s)");
    }

    @Test
    void asksForTheCurrentVersionWhenPlansEndAtSeveral() throws IOException {
        write("a.yaml", "process: order\nfrom: 1\nto: 2\n");
        write("b.yaml", "process: order\nfrom: 3\nto: 4\n");

        assertThat(run(plans.toString())).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly(plans.resolve("a.yaml")
                + ": cannot tell the current version of process 'order': its plans end at versions 2, 4; pass --current order=VERSION",
                "1 problem(s) in 2 plan file(s)");
    }
}
