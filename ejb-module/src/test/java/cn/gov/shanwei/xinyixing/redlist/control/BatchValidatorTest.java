package cn.gov.shanwei.xinyixing.redlist.control;

import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.CATEGORIES;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.ISSUED;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.TODAY;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.batch;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.bloodDonor;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.change;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.charityDonor;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.removal;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.validBatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Level;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BatchValidatorTest {

    private static final int MAX = 100;

    private final BatchValidator validator = new BatchValidator();

    @Test
    void aValidBatchHasNoRejections() {
        assertEquals(List.of(), validator.validate(validBatch(), CATEGORIES, MAX, TODAY));
    }

    @Test
    void aFigureBelowTheThresholdIsNotAnIntakeMatter() {
        // 3999 ml does not qualify for the discount, but the person is still on the platform's list.
        EntryMessage almost = change(bloodDonor(), f -> f.details = new CategoryDetails(null, 3999, null, null, null));
        EntryMessage zeroStars = change(bloodDonor(), f -> {
            f.idNumber = "441501199007071010";
            f.categoryCode = "STAR_VOLUNTEER";
            f.details = new CategoryDetails(null, null, null, 0, null);
        });

        assertEquals(List.of(), validator.validate(batch(almost, zeroStars), CATEGORIES, MAX, TODAY));
    }

    @Test
    void aCategoryNeedingNoFigureAcceptsMissingDetails() {
        EntryMessage moralModel = change(bloodDonor(), f -> {
            f.categoryCode = "MORAL_MODEL";
            f.details = null;
        });

        assertEquals(List.of(), validator.validate(batch(moralModel), CATEGORIES, MAX, TODAY));
    }

    @Test
    void aBatchOfExactlyTheMaximumIsAccepted() {
        assertEquals(List.of(), validator.validate(validBatch(), CATEGORIES, 3, TODAY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("craftedBatches")
    void eachProblemIsReportedWithItsCodeAndIndex(String what, BatchMessage batch, int maxEntries,
                                                  List<String> expected) {
        assertEquals(expected, codes(validator.validate(batch, CATEGORIES, maxEntries, TODAY)));
    }

    /**
     * Every code of the control layer's contract. Codes the boundary adds from its own state (replays, sequence
     * gaps) are tested there.
     */
    @Test
    void everyRejectionCodeOfTheContractCanBeProduced() {
        Set<RejectionCode> produced = craftedBatches()
                .flatMap(a -> validator.validate((BatchMessage) a.get()[1], CATEGORIES, (int) a.get()[2], TODAY)
                        .stream())
                .map(r -> RejectionCode.valueOf(r.code()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RejectionCode.class)));
        // The signature is the one check made before validation, by the boundary.
        BatchSignature.check(validBatch(), SmCrypto.generateSm2KeyPair().publicKey())
                .ifPresent(r -> produced.add(RejectionCode.valueOf(r.code())));

        assertEquals(EnumSet.of(RejectionCode.MALFORMED_MESSAGE, RejectionCode.SIGNATURE_INVALID,
                RejectionCode.BATCH_TOO_LARGE, RejectionCode.BATCH_EMPTY, RejectionCode.ID_NUMBER_MALFORMED,
                RejectionCode.ID_NUMBER_CHECK_DIGIT, RejectionCode.ID_NUMBER_BIRTH_DATE, RejectionCode.ID_NUMBER_REGION,
                RejectionCode.NAME_MISSING, RejectionCode.CATEGORY_UNKNOWN, RejectionCode.OPERATION_MISSING,
                RejectionCode.VALIDITY_MISSING, RejectionCode.VALIDITY_REVERSED, RejectionCode.THRESHOLD_MISSING,
                RejectionCode.THRESHOLD_NEGATIVE, RejectionCode.DUPLICATE_ENTRY, RejectionCode.SOURCE_DOCUMENT_MISSING),
                produced);
    }

    @Test
    void severalBadEntriesAreAllReportedInOrder() {
        EntryMessage wrongCheckDigitNoNameReversed = change(charityDonor(), f -> {
            f.idNumber = "441501199007071011";
            f.name = null;
            f.validTo = f.validFrom.minusDays(1);
        });
        EntryMessage noOperationUnknownCategory = change(bloodDonor(), f -> {
            f.idNumber = "11010519491231002X";
            f.operation = null;
            f.categoryCode = "UNKNOWN";
        });
        EntryMessage duplicateWithoutDocument = change(bloodDonor(), f -> f.sourceDocument = "  ");
        BatchMessage batch = new BatchMessage("XYSW-2024-0001", 7, null,
                TestBatches.list(bloodDonor(), wrongCheckDigitNoNameReversed, noOperationUnknownCategory,
                        duplicateWithoutDocument),
                null);

        assertEquals(List.of(
                        "-1:MALFORMED_MESSAGE",
                        "1:ID_NUMBER_CHECK_DIGIT", "1:NAME_MISSING", "1:VALIDITY_REVERSED",
                        "2:CATEGORY_UNKNOWN", "2:OPERATION_MISSING",
                        "3:SOURCE_DOCUMENT_MISSING", "3:DUPLICATE_ENTRY"),
                codes(validator.validate(batch, CATEGORIES, MAX, TODAY)));
    }

    @Test
    void anEntryWithNothingInItGivesRejectionsNotExceptions() {
        EntryMessage nothing = new EntryMessage(null, null, null, null, null, null, null, null, null, null);
        EntryMessage addWithNothing = new EntryMessage(Operation.ADD, null, null, null, null, null, null, null, null,
                null);

        assertEquals(List.of("0:ID_NUMBER_MALFORMED", "0:CATEGORY_UNKNOWN", "0:OPERATION_MISSING",
                        "1:ID_NUMBER_MALFORMED", "1:CATEGORY_UNKNOWN", "1:NAME_MISSING", "1:VALIDITY_MISSING",
                        "1:SOURCE_DOCUMENT_MISSING"),
                codes(validator.validate(batch(nothing, addWithNothing), CATEGORIES, MAX, TODAY)));
    }

    @Test
    void aCatalogueAnsweringNullMeansUnknown() {
        List<Rejection> rejections = validator.validate(batch(bloodDonor()), code -> null, MAX, TODAY);

        assertEquals(List.of("0:CATEGORY_UNKNOWN"), codes(rejections));
    }

    @Test
    void messagesAreChineseThenEnglish() {
        EntryMessage badCheckDigit = change(bloodDonor(), f -> f.idNumber = "441502198503120021");

        assertEquals(List.of(new Rejection(0, "ID_NUMBER_CHECK_DIGIT",
                        "身份证号校验位错误 / The ID number check digit is wrong")),
                validator.validate(batch(badCheckDigit), CATEGORIES, MAX, TODAY));
    }

    @Test
    void messagesSayWhichPartIsMissing() {
        EntryMessage noBlood = change(bloodDonor(), f -> f.details = CategoryDetails.NONE);
        BatchMessage batch = new BatchMessage(" ", 7, ISSUED, TestBatches.list(noBlood), null);

        assertEquals(List.of(
                        new Rejection(-1, "MALFORMED_MESSAGE", "报文不完整：缺少批次号 / The message is incomplete: batch id missing"),
                        new Rejection(0, "THRESHOLD_MISSING", "缺少该类别所需的认定数据：累计献血量（毫升） / "
                                + "The figure this category needs is missing: blood donated (ml)")),
                validator.validate(batch, CATEGORIES, MAX, TODAY));
    }

    @Test
    void noMessageRevealsAnIdNumberOrName() {
        EntryMessage everythingWrong = change(bloodDonor(), f -> {
            f.idNumber = "441502198503120021";
            f.details = new CategoryDetails(null, -1, null, null, null);
            f.validTo = f.validFrom.minusDays(1);
        });
        List<Rejection> rejections = validator.validate(batch(everythingWrong, everythingWrong), CATEGORIES, MAX,
                TODAY);

        // check digit, negative figure and reversed validity on each, and the second is a duplicate
        assertEquals(7, rejections.size());
        for (Rejection r : rejections) {
            assertTrue(r.message().contains(" / "), r.message());
            assertFalse(r.message().contains("4415"), r.message());
            assertFalse(r.message().contains("张三"), r.message());
        }
    }

    static Stream<Arguments> craftedBatches() {
        List<Arguments> cases = new ArrayList<>();
        // The batch as a whole
        cases.add(crafted("no batch at all", null, "-1:MALFORMED_MESSAGE"));
        cases.add(crafted("no batch id", header(null, 7, true), "-1:MALFORMED_MESSAGE"));
        cases.add(crafted("no sequence number", header("B", 0, true), "-1:MALFORMED_MESSAGE"));
        cases.add(crafted("no issue time", header("B", 7, false), "-1:MALFORMED_MESSAGE"));
        cases.add(crafted("no entries list", new BatchMessage("B", 7, ISSUED, null, null), "-1:MALFORMED_MESSAGE"));
        cases.add(crafted("a null entry", batch(bloodDonor(), null), "1:MALFORMED_MESSAGE"));
        cases.add(crafted("empty batch", batch(), "-1:BATCH_EMPTY"));
        cases.add(Arguments.of("too many entries", validBatch(), 2, List.of("-1:BATCH_TOO_LARGE")));
        cases.add(Arguments.of("too many entries are not looked at", batch(null, null, null), 2,
                List.of("-1:BATCH_TOO_LARGE")));
        // The ID number
        cases.add(crafted("ID number too short", second(f -> f.idNumber = "4415011990070710"),
                "1:ID_NUMBER_MALFORMED"));
        cases.add(crafted("no ID number on a removal", third(f -> f.idNumber = null), "2:ID_NUMBER_MALFORMED"));
        cases.add(crafted("wrong check digit on a removal", third(f -> f.idNumber = "110105194912310020"),
                "2:ID_NUMBER_CHECK_DIGIT"));
        cases.add(crafted("30 February", first(f -> f.idNumber = "441502198502300011"), "0:ID_NUMBER_BIRTH_DATE"));
        cases.add(crafted("born after today", first(f -> f.idNumber = "441502202406010013"),
                "0:ID_NUMBER_BIRTH_DATE"));
        cases.add(crafted("province 99", second(f -> f.idNumber = "99150219850312001X"), "1:ID_NUMBER_REGION"));
        // The other fields
        cases.add(crafted("blank name", second(f -> f.name = " "), "1:NAME_MISSING"));
        cases.add(crafted("unknown category", first(f -> f.categoryCode = "NO_SUCH"), "0:CATEGORY_UNKNOWN"));
        cases.add(crafted("no category on a removal", third(f -> f.categoryCode = null), "2:CATEGORY_UNKNOWN"));
        cases.add(crafted("no operation", second(f -> f.operation = null), "1:OPERATION_MISSING"));
        cases.add(crafted("no end date", first(f -> f.validTo = null), "0:VALIDITY_MISSING"));
        cases.add(crafted("no start date", second(f -> f.validFrom = null), "1:VALIDITY_MISSING"));
        cases.add(crafted("ends before it starts", second(f -> f.validTo = LocalDate.of(2023, 12, 31)),
                "1:VALIDITY_REVERSED"));
        cases.add(crafted("one-day validity is fine", second(f -> f.validTo = f.validFrom)));
        cases.add(crafted("no source document", second(f -> f.sourceDocument = null), "1:SOURCE_DOCUMENT_MISSING"));
        // The figures
        cases.add(crafted("blood donor without ml", first(f -> f.details = CategoryDetails.NONE),
                "0:THRESHOLD_MISSING"));
        cases.add(crafted("blood donor without details", first(f -> f.details = null), "0:THRESHOLD_MISSING"));
        cases.add(crafted("charity donor without yuan",
                second(f -> f.details = new CategoryDetails(Level.MUNICIPAL, null, null, 3, "A")),
                "1:THRESHOLD_MISSING"));
        cases.add(crafted("model worker without level", first(f -> {
            f.categoryCode = "MODEL_WORKER";
            f.details = new CategoryDetails(null, 4200, null, null, null);
        }), "0:THRESHOLD_MISSING"));
        cases.add(crafted("taxpayer with blank grade", first(f -> {
            f.categoryCode = "A_TAXPAYER";
            f.details = new CategoryDetails(null, null, null, null, " ");
        }), "0:THRESHOLD_MISSING"));
        cases.add(crafted("volunteer without stars", first(f -> {
            f.categoryCode = "STAR_VOLUNTEER";
            f.details = new CategoryDetails(Level.NATIONAL, null, null, null, null);
        }), "0:THRESHOLD_MISSING"));
        cases.add(crafted("negative ml", first(f -> f.details = new CategoryDetails(null, -1, null, null, null)),
                "0:THRESHOLD_NEGATIVE"));
        cases.add(crafted("negative yuan",
                second(f -> f.details = new CategoryDetails(null, null, new BigDecimal("-0.01"), null, null)),
                "1:THRESHOLD_NEGATIVE"));
        cases.add(crafted("negative stars on a category that does not need them",
                second(f -> f.details = new CategoryDetails(null, null, BigDecimal.TEN, -2, null)),
                "1:THRESHOLD_NEGATIVE"));
        cases.add(crafted("figures of a removal are ignored",
                third(f -> f.details = new CategoryDetails(null, -1, null, null, null))));
        // Across entries
        cases.add(crafted("same person and category twice",
                batch(bloodDonor(), charityDonor(), change(bloodDonor(), f -> f.validTo = LocalDate.of(2027, 1, 1))),
                "2:DUPLICATE_ENTRY"));
        cases.add(crafted("x and X are the same number",
                batch(removal(), bloodDonor(), change(removal(), f -> f.idNumber = "11010519491231002x")),
                "2:DUPLICATE_ENTRY"));
        cases.add(crafted("an add and a removal of one listing",
                batch(change(removal(), f -> f.idNumber = "441502198503120020"), charityDonor(),
                        change(bloodDonor(), f -> f.categoryCode = "MODEL_WORKER")),
                "2:THRESHOLD_MISSING", "2:DUPLICATE_ENTRY"));
        cases.add(crafted("same person in another category is fine",
                batch(bloodDonor(), change(bloodDonor(), f -> f.categoryCode = "MORAL_MODEL"))));
        return cases.stream();
    }

    private static Arguments crafted(String what, BatchMessage batch, String... expected) {
        return Arguments.of(what, batch, MAX, List.of(expected));
    }

    private static BatchMessage header(String batchId, long sequenceNo, boolean issued) {
        return new BatchMessage(batchId, sequenceNo, issued ? ISSUED : null, validBatch().entries(), null);
    }

    private static BatchMessage first(java.util.function.Consumer<TestBatches.Fields> change) {
        return batch(change(bloodDonor(), change), charityDonor(), removal());
    }

    private static BatchMessage second(java.util.function.Consumer<TestBatches.Fields> change) {
        return batch(bloodDonor(), change(charityDonor(), change), removal());
    }

    private static BatchMessage third(java.util.function.Consumer<TestBatches.Fields> change) {
        return batch(bloodDonor(), charityDonor(), change(removal(), change));
    }

    /** {@code index:CODE}, which reads well in a failure message. */
    private static List<String> codes(List<Rejection> rejections) {
        return rejections.stream().map(r -> r.entryIndex() + ":" + r.code()).toList();
    }
}
