package dev.nostdwasm.ffm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A library that lacks functions of {@code nsw.h} fails {@link FfmAbi#bind} at once, naming
 * them, and binds nothing. No natives needed. Own JVM (surefire {@code reuseForks=false}).
 */
class FfmAbiBindTest {

    @Test
    void aLibraryWithoutTheHeadersFunctionsIsRefusedNamingThem() {
        UnsatisfiedLinkError none = assertThrows(UnsatisfiedLinkError.class, () -> FfmAbi.bind(name -> Optional.empty()));
        assertTrue(none.getMessage().contains("nsw_engine_new") && none.getMessage().contains("nsw_abi_version"),
                none.getMessage());

        // Every symbol present but one (any function will do: nothing is called).
        var strlen = Linker.nativeLinker().defaultLookup().find("strlen").orElseThrow();
        SymbolLookup allButOne = name -> name.equals("nsw_func_call") ? Optional.empty() : Optional.of(strlen);
        UnsatisfiedLinkError one = assertThrows(UnsatisfiedLinkError.class, () -> FfmAbi.bind(allButOne));
        assertTrue(one.getMessage().endsWith("no symbol nsw_func_call"), one.getMessage());
    }

    @Test
    void theCriticalDowncallsAreFunctionsOfTheHeader() {
        assertTrue(FfmDowncalls.FUNCTIONS.containsAll(FfmAbi.CRITICAL), FfmAbi.CRITICAL.toString());
    }
}
