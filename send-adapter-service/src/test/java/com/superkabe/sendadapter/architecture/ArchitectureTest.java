package com.superkabe.sendadapter.architecture;

import com.superkabe.kit.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainIsFrameworkFreeAndAdaptersPointInward() {
        ArchitectureRules.check("com.superkabe.sendadapter");
    }
}
