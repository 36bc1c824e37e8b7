package io.ferry.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} shows what the configuration mapping says. Quarkus' annotation processor
 * writes the mapping's model, Javadoc and defaults under {@code target/quarkus-config-doc} when this
 * module compiles, and {@code quarkus-config-doc-maven-plugin} renders it as Markdown (both set up in this
 * module's POM); the page's generated section must be exactly that rendering. With
 * {@code -Dferry.docs.regenerate=true} the test writes the section instead of checking it.
 */
class ConfigurationPageIsCurrentTest {

    static final String BEGIN = "<!-- BEGIN generated from FerryConfig and FerryBuildTimeConfig: do not edit by hand -->\n";
    static final String END = "<!-- END generated -->\n";
    static final String REGENERATE = "./mvnw -B -pl runtime -am test -Dtest=ConfigurationPageIsCurrentTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dferry.docs.regenerate=true";

    private final Path module = Path.of("").toAbsolutePath();
    private final Path page = module.getParent().resolve("docs/configuration.md");
    private final Path rendered = module.resolve("target/quarkus-generated-doc/config/ferry.md");

    @Test
    void theGeneratedSectionIsWhatTheMappingSaysNow() throws IOException {
        assertThat(rendered).as("the rendered configuration reference (quarkus-config-doc-maven-plugin, process-classes)")
                .isRegularFile();
        String generated = Files.readString(rendered).strip() + "\n";
        String text = Files.readString(page);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("%s has the line %s", page, BEGIN.strip()).isNotNegative();
        assertThat(end).as("%s has the line %s after the first marker", page, END.strip()).isGreaterThan(begin);
        String current = text.substring(begin + BEGIN.length(), end);

        if (Boolean.getBoolean("ferry.docs.regenerate")) {
            Files.writeString(page, text.substring(0, begin + BEGIN.length()) + generated + text.substring(end));
            return;
        }
        assertThat(current)
                .as("docs/configuration.md's generated section differs from the Javadoc and defaults of FerryConfig and"
                        + " FerryBuildTimeConfig: regenerate it with%n  %s%nand commit the page", REGENERATE)
                .isEqualTo(generated);
    }
}
