package dev.paygo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The server's packages (one per feature, plus the HTTP plumbing, routing, paging and JSON reading) depend on each
 * other without cycles, and the HTTP plumbing knows no feature: features use it, never the other way round.
 */
class PackageStructureTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.paygo");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.paygo.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void theHttpPlumbingPagingAndJsonReadingDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("dev.paygo.http..", "dev.paygo.paging..", "dev.paygo.json..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.paygo.account..", "dev.paygo.auth..",
                        "dev.paygo.catalog..", "dev.paygo.invoice..", "dev.paygo.usage..", "dev.paygo.rating..",
                        "dev.paygo.routing..", "dev.paygo.limit..", "dev.paygo.idempotency..", "dev.paygo.console..")
                .check(SERVER);
    }
}
