"""gilint's built-in rules. They register through the ``gilint`` entry-point group and the
``gilint_rules`` hook, exactly as a third-party plugin's rules do."""

from __future__ import annotations

from collections.abc import Sequence

from gilint.rules.across import CarryOverMismatch, InForceChain
from gilint.rules.arithmetic import (
    InvalidCell,
    Table3ApplicantTotal,
    Table3Balance,
    Table3OutcomeTotal,
    Table4Total,
)
from gilint.rules.copies import CopiedText
from gilint.rules.fees import MissingFeeStatement, VagueFeeStatement
from gilint.rules.narrative import NarrativeContradiction, NarrativeSum, NarrativeTableMismatch
from gilint.rules.structure import (
    DuplicateSection,
    EmptySection,
    IncompleteTable,
    MissingOverviewAspect,
    MissingSection,
    MissingTable,
    NonstandardRowLabel,
    NonstandardSectionTitle,
    SectionOrder,
)
from gilint.rules.unparsed import MoreReports, NotAReport, RuleError, UnparsedContent
from gilint.rules.versions import (
    MixedTemplate,
    OutdatedTemplate,
    ReportBeforeFormats,
    UnknownReportYear,
)
from gilint.rules.years import ReportYearMismatch

from gilint.hookspecs import hookimpl
from gilint.rule import CorpusRule, Rule

RULES: tuple[type[Rule], ...] = (
    MissingSection,
    SectionOrder,
    DuplicateSection,
    NonstandardSectionTitle,
    MissingOverviewAspect,
    EmptySection,
    MissingTable,
    IncompleteTable,
    NonstandardRowLabel,
    Table3Balance,
    Table3OutcomeTotal,
    Table3ApplicantTotal,
    Table4Total,
    InvalidCell,
    OutdatedTemplate,
    MixedTemplate,
    UnknownReportYear,
    ReportBeforeFormats,
    MissingFeeStatement,
    VagueFeeStatement,
    ReportYearMismatch,
    NarrativeTableMismatch,
    NarrativeSum,
    NarrativeContradiction,
    RuleError,
    UnparsedContent,
    NotAReport,
    MoreReports,
)


@hookimpl
def gilint_rules() -> Sequence[type[Rule]]:
    return RULES


CORPUS_RULES: tuple[type[CorpusRule], ...] = (CarryOverMismatch, InForceChain, CopiedText)


@hookimpl
def gilint_corpus_rules() -> Sequence[type[CorpusRule]]:
    return CORPUS_RULES
