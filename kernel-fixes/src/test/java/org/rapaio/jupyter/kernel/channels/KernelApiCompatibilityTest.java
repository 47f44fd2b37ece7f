package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Binary compatibility of our replacement classes with the rapaio-jupyter-kernel classes they
 * stand in for: the kernel's other classes were compiled against the originals, so every member
 * they can reach (everything not private: the originals have no nested classes that could reach
 * private ones) must exist in ours with the same name, static-ness, access, parameter and return
 * (or field) types, and each class must keep its superclass, interfaces and kind. The originals
 * are loaded from the kernel jar alone and ours from this module's classes in front of that jar,
 * in two separate class loaders, and compared member by member.
 */
class KernelApiCompatibilityTest {

    private static URL kernelJar;
    private static URL ourClasses;
    private static List<String> replaced;

    @BeforeAll
    static void locate() throws Exception {
        // MessageHandler is not replaced, so it comes from the kernel jar; LoopThread from us.
        kernelJar = MessageHandler.class.getProtectionDomain().getCodeSource().getLocation();
        ourClasses = LoopThread.class.getProtectionDomain().getCodeSource().getLocation();
        assertNotSame(kernelJar.toString(), ourClasses.toString());
        assertTrue(kernelJar.getPath().endsWith(".jar"), "kernel classes should come from its jar: " + kernelJar);
        Path root = Path.of(ourClasses.toURI());
        try (Stream<Path> files = Files.walk(root)) {
            replaced = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .sorted().toList();
        }
    }

    @Test
    void replacesExactlyTheClassesItMeansTo() {
        assertEquals(List.of("org.rapaio.jupyter.kernel.channels.Channels",
                "org.rapaio.jupyter.kernel.channels.LoopThread"), replaced);
    }

    @Test
    void everyReplacedClassExistsInTheKernelJarWithoutNestedClasses() throws Exception {
        try (JarFile jar = new JarFile(Path.of(kernelJar.toURI()).toFile())) {
            for (String name : replaced) {
                String entry = name.replace('.', '/');
                assertTrue(jar.getEntry(entry + ".class") != null, name + " is not in " + kernelJar);
                List<String> nested = jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(entry + "$")).toList();
                assertEquals(List.of(), nested, name + " has nested classes in the kernel jar, which we do not replace");
            }
        }
    }

    @Test
    void replacementsHaveEveryNonPrivateMemberOfTheOriginals() throws Exception {
        try (URLClassLoader originals = new URLClassLoader(new URL[] {kernelJar}, ClassLoader.getPlatformClassLoader());
             URLClassLoader ours = new URLClassLoader(new URL[] {ourClasses, kernelJar}, ClassLoader.getPlatformClassLoader())) {
            for (String name : replaced) {
                Class<?> original = Class.forName(name, false, originals);
                Class<?> replacement = Class.forName(name, false, ours);
                assertNotSame(original, replacement);
                assertEquals(kernelJar, original.getProtectionDomain().getCodeSource().getLocation());
                assertEquals(ourClasses, replacement.getProtectionDomain().getCodeSource().getLocation());

                assertEquals(shape(original), shape(replacement), name + ": kind, superclass or interfaces differ");
                TreeSet<String> expected = api(original);
                TreeSet<String> actual = api(replacement);
                assertFalse(expected.isEmpty());
                TreeSet<String> missing = new TreeSet<>(expected);
                missing.removeAll(actual);
                assertEquals(new TreeSet<>(), missing, name + ": members of the original missing from ours");
                TreeSet<String> extra = new TreeSet<>(actual);
                extra.removeAll(expected);
                assertEquals(new TreeSet<>(), extra, name + ": non-private members the original does not have");
            }
        }
    }

    private static String shape(Class<?> c) {
        int kind = c.getModifiers() & (Modifier.PUBLIC | Modifier.FINAL | Modifier.ABSTRACT | Modifier.INTERFACE);
        return Modifier.toString(kind) + " " + c.getName()
                + " extends " + (c.getSuperclass() == null ? "-" : c.getGenericSuperclass().getTypeName())
                + " implements " + Arrays.stream(c.getGenericInterfaces()).map(t -> t.getTypeName()).toList();
    }

    /** Every non-private member as text: access, static, name, generic parameter and result types. */
    private static TreeSet<String> api(Class<?> c) {
        List<String> members = new ArrayList<>();
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (reachable(k)) {
                members.add(access(k) + " <init>(" + types(k.getGenericParameterTypes()) + ")");
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (reachable(m) && !m.isSynthetic()) {
                members.add(access(m) + " " + Arrays.stream(m.getTypeParameters())
                        .map(t -> t.getName() + " extends " + types(t.getBounds())).toList()
                        + " " + m.getGenericReturnType().getTypeName() + " " + m.getName()
                        + "(" + types(m.getGenericParameterTypes()) + ")");
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (reachable(f)) {
                members.add(access(f) + " field " + f.getGenericType().getTypeName() + " " + f.getName());
            }
        }
        return new TreeSet<>(members);
    }

    private static boolean reachable(Member m) {
        return !Modifier.isPrivate(m.getModifiers());
    }

    private static String access(Member m) {
        int mod = m.getModifiers();
        String level = Modifier.isPublic(mod) ? "public" : Modifier.isProtected(mod) ? "protected" : "package";
        return level + (Modifier.isStatic(mod) ? " static" : "");
    }

    private static String types(java.lang.reflect.Type[] types) {
        return Arrays.stream(types).map(java.lang.reflect.Type::getTypeName).collect(Collectors.joining(", "));
    }
}
