package dev.nostdwasm.cli;

import dev.nostdwasm.api.Profile;
import dev.nostdwasm.precompiler.Target;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for targets and profiles, with the names in their messages. */
final class Converters {

    private Converters() {
    }

    static final class TargetConverter implements ITypeConverter<Target> {
        @Override
        public Target convert(String value) {
            try {
                return Target.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ProfileConverter implements ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            try {
                return Profile.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class TargetNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("x86_64", "aarch64", "pulley64").iterator();
        }
    }

    static final class ProfileNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("native", "native-signals", "pulley").iterator();
        }
    }

    static final class ProviderNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("ffm", "jni").iterator();
        }
    }
}
