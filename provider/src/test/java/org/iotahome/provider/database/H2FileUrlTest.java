package org.iotahome.provider.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2FileUrlTest {

    @Test
    void aPathImplicitlyRelativeToTheWorkingDirectoryIsMadeExplicit() {
        assertThat(H2FileUrl.explicit("jdbc:h2:file:data/provider/provider;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:./data/provider/provider;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void explicitPathsAndOtherDatabasesAreLeftAlone() {
        for (String url : new String[] {"jdbc:h2:file:/var/lib/provider/provider", "jdbc:h2:file:./data/provider", "jdbc:h2:file:~/provider",
                "jdbc:h2:file:../provider", "jdbc:h2:mem:provider", "jdbc:postgresql://db/provider"})
            assertThat(H2FileUrl.explicit(url)).isEqualTo(url);
    }
}
