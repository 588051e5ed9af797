#include "ruleregistry.h"

#include "core/lint/rules/requireconcurrentindexcreation.h"
// includes: indexes and constraints
#include "core/lint/rules/addingexclusionconstraint.h"
#include "core/lint/rules/addingforeignkeyconstraint.h"
#include "core/lint/rules/addingnotnullablefield.h"
#include "core/lint/rules/addingserialprimarykeyfield.h"
#include "core/lint/rules/banalterdomainwithaddconstraint.h"
#include "core/lint/rules/banconcurrentindexcreationintransaction.h"
#include "core/lint/rules/bancreatedomainwithconstraint.h"
#include "core/lint/rules/bantruncatecascade.h"
#include "core/lint/rules/constraintmissingnotvalid.h"
#include "core/lint/rules/disalloweduniqueconstraint.h"
#include "core/lint/rules/foreignkeywithoutindex.h"
#include "core/lint/rules/preferrepack.h"
#include "core/lint/rules/requireconcurrentindexdeletion.h"
#include "core/lint/rules/requireconcurrentpartitiondetach.h"
#include "core/lint/rules/requireconcurrentreindex.h"
// includes: columns and types
#include "core/lint/rules/addingfieldwithdefault.h"
#include "core/lint/rules/addingrequiredfield.h"
#include "core/lint/rules/bancharfield.h"
#include "core/lint/rules/bandropcolumn.h"
#include "core/lint/rules/bandropdatabase.h"
#include "core/lint/rules/bandropnotnull.h"
#include "core/lint/rules/bandroptable.h"
#include "core/lint/rules/banduplicatecolumnassignments.h"
#include "core/lint/rules/changingcolumntype.h"
#include "core/lint/rules/identifiertoolong.h"
#include "core/lint/rules/indexwithmanycolumns.h"
#include "core/lint/rules/objectchangerule.h"
#include "core/lint/rules/preferbigintoverint.h"
#include "core/lint/rules/preferbigintoversmallint.h"
#include "core/lint/rules/preferidentity.h"
#include "core/lint/rules/preferjsonb.h"
#include "core/lint/rules/prefertextfield.h"
#include "core/lint/rules/prefertimestamptz.h"
#include "core/lint/rules/renamingcolumn.h"
#include "core/lint/rules/renamingenumvalue.h"
#include "core/lint/rules/renamingschema.h"
#include "core/lint/rules/renamingtable.h"
#include "core/lint/rules/requireenumvalueordering.h"
#include "core/lint/rules/requiretableschema.h"
// includes: transactions and scripts
#include "core/lint/rules/banuncommittedtransaction.h"
#include "core/lint/rules/preferrobuststmts.h"
#include "core/lint/rules/requirelocktimeout.h"
#include "core/lint/rules/requirestatementtimeout.h"
#include "core/lint/rules/statementsafteraccessexclusive.h"
#include "core/lint/rules/transactionnesting.h"
#include "core/lint/rules/unbatchedupdateordelete.h"

namespace tusk::core {

std::vector<std::unique_ptr<Rule>> RuleRegistry::createAll()
{
    std::vector<std::unique_ptr<Rule>> rules;
    rules.push_back(std::make_unique<RequireConcurrentIndexCreation>());
    // rules: indexes and constraints
    rules.push_back(std::make_unique<RequireConcurrentIndexDeletion>());
    rules.push_back(std::make_unique<RequireConcurrentReindex>());
    rules.push_back(std::make_unique<BanConcurrentIndexCreationInTransaction>());
    rules.push_back(std::make_unique<RequireConcurrentPartitionDetach>());
    rules.push_back(std::make_unique<ConstraintMissingNotValid>());
    rules.push_back(std::make_unique<AddingForeignKeyConstraint>());
    rules.push_back(std::make_unique<AddingNotNullableField>());
    rules.push_back(std::make_unique<DisallowedUniqueConstraint>());
    rules.push_back(std::make_unique<AddingSerialPrimaryKeyField>());
    rules.push_back(std::make_unique<AddingExclusionConstraint>());
    rules.push_back(std::make_unique<ForeignKeyWithoutIndex>());
    rules.push_back(std::make_unique<IndexWithManyColumns>());
    rules.push_back(std::make_unique<BanTruncateCascade>());
    rules.push_back(std::make_unique<PreferRepack>(true));
    rules.push_back(std::make_unique<PreferRepack>(false));
    rules.push_back(std::make_unique<BanCreateDomainWithConstraint>());
    rules.push_back(std::make_unique<BanAlterDomainWithAddConstraint>());
    // rules: columns and types
    rules.push_back(std::make_unique<AddingFieldWithDefault>());
    rules.push_back(std::make_unique<AddingRequiredField>());
    rules.push_back(std::make_unique<ChangingColumnType>());
    rules.push_back(std::make_unique<BanDuplicateColumnAssignments>());
    rules.push_back(std::make_unique<RenamingColumn>());
    rules.push_back(std::make_unique<RenamingTable>());
    rules.push_back(std::make_unique<RenamingSchema>());
    for (auto &rule : ObjectChangeRule::createAll())
        rules.push_back(std::move(rule));
    rules.push_back(std::make_unique<BanDropColumn>());
    rules.push_back(std::make_unique<BanDropTable>());
    rules.push_back(std::make_unique<BanDropDatabase>());
    rules.push_back(std::make_unique<BanDropNotNull>());
    rules.push_back(std::make_unique<PreferIdentity>());
    rules.push_back(std::make_unique<PreferBigintOverInt>());
    rules.push_back(std::make_unique<PreferBigintOverSmallint>());
    rules.push_back(std::make_unique<PreferTextField>());
    rules.push_back(std::make_unique<PreferTimestamptz>());
    rules.push_back(std::make_unique<BanCharField>());
    rules.push_back(std::make_unique<PreferJsonb>());
    rules.push_back(std::make_unique<RequireEnumValueOrdering>());
    rules.push_back(std::make_unique<RenamingEnumValue>());
    rules.push_back(std::make_unique<IdentifierTooLong>());
    rules.push_back(std::make_unique<RequireTableSchema>());
    // rules: transactions and scripts
    rules.push_back(std::make_unique<TransactionNesting>());
    rules.push_back(std::make_unique<BanUncommittedTransaction>());
    rules.push_back(std::make_unique<RequireLockTimeout>());
    rules.push_back(std::make_unique<RequireStatementTimeout>());
    rules.push_back(std::make_unique<StatementsAfterAccessExclusive>());
    rules.push_back(std::make_unique<PreferRobustStmts>());
    rules.push_back(std::make_unique<UnbatchedUpdateOrDelete>());
    return rules;
}

} // namespace tusk::core
