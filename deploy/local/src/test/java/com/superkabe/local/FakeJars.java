package com.superkabe.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes {@code <module>/target/<module>-0.1.0-SNAPSHOT-exec.jar} files that run a test main class. */
final class FakeJars {

    private FakeJars() {
    }

    static void write(Path repoRoot, String module, Class<?> mainClass) throws IOException {
        Path jar = Files.createDirectories(repoRoot.resolve(module).resolve("target"))
                .resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        String entry = mainClass.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar);
             JarOutputStream jos = new JarOutputStream(out, manifest);
             InputStream cls = mainClass.getClassLoader().getResourceAsStream(entry)) {
            jos.putNextEntry(new JarEntry(entry));
            cls.transferTo(jos);
            jos.closeEntry();
        }
    }
}
