package io.ferry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The artifact version in pom.xml and {@link PostgresBinaries#VERSION}, which names the unpacked tree, agree. */
class PostgresBinariesOnClasspathTest {

    @Test
    void everyPlatformsArchiveComesFromTheVersionTheCodeNames() {
        for (String archive : List.of("postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz",
                "postgres-darwin-x86_64.txz", "postgres-darwin-arm_64.txz")) {
            URL resource = getClass().getClassLoader().getResource(archive);

            assertThat(resource).as(archive).isNotNull();
            assertThat(resource.toString()).contains("-" + PostgresBinaries.VERSION + ".jar!");
        }
    }
}
