package cn.gov.shanwei.xinyixing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the house's walls (house style 1, 3, 12): business areas never import each other in a
 * circle, the platform underneath imports no area, and inside an area the layers point one way,
 * edges (rest, web) → boundary → control and entity. The web module's classes and the EJB module's
 * are checked together, as the EAR runs them.
 */
@AnalyzeClasses(packages = "cn.gov.shanwei.xinyixing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] AREAS = {"..xinyixing.access..", "..xinyixing.account..", "..xinyixing.demo..",
        "..xinyixing.eligibility..", "..xinyixing.payment..", "..xinyixing.privacy..", "..xinyixing.redlist..", "..xinyixing.ridecode..",
        "..xinyixing.settlement..", "..xinyixing.subsidy..", "..xinyixing.trip..", "..xinyixing.audit.."};

    @ArchTest
    static final ArchRule areasAreFreeOfCycles = slices().matching("cn.gov.shanwei.xinyixing.(*)..")
            .should().beFreeOfCycles()
            .because("cross-area effects are CDI events fired by the area that owns the fact");

    @ArchTest
    static final ArchRule platformImportsNoArea = noClasses().that().resideInAPackage("..xinyixing.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(AREAS)
            .because("platform is the floor every area stands on");

    @ArchTest
    static final ArchRule boundariesKnowNoEdge = noClasses().that().resideInAPackage("..boundary..")
            .should().dependOnClassesThat().resideInAnyPackage("..rest..", "..web..");

    @ArchTest
    static final ArchRule rulesAndEntitiesKnowNoBoundaryOrEdge = noClasses()
            .that().resideInAnyPackage("..control..", "..entity..")
            .should().dependOnClassesThat().resideInAnyPackage("..boundary..", "..rest..", "..web..");

    @ArchTest
    static final ArchRule rulesArePlainJava = noClasses().that().resideInAPackage("..control..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ejb..", "jakarta.persistence..",
                    "jakarta.enterprise..", "jakarta.inject..", "jakarta.ws.rs..", "jakarta.faces..")
            .because("rules are tested without a container (house style 3)");
}
