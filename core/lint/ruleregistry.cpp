#include "ruleregistry.h"

#include "rules/requireconcurrentindexcreation.h"
// includes: indexes and constraints
#include "rules/addingexclusionconstraint.h"
#include "rules/addingforeignkeyconstraint.h"
#include "rules/addingnotnullablefield.h"
#include "rules/addingserialprimarykeyfield.h"
#include "rules/banalterdomainwithaddconstraint.h"
#include "rules/banconcurrentindexcreationintransaction.h"
#include "rules/bancreatedomainwithconstraint.h"
#include "rules/bantruncatecascade.h"
#include "rules/constraintmissingnotvalid.h"
#include "rules/disalloweduniqueconstraint.h"
#include "rules/foreignkeywithoutindex.h"
#include "rules/preferrepack.h"
#include "rules/requireconcurrentindexdeletion.h"
#include "rules/requireconcurrentpartitiondetach.h"
#include "rules/requireconcurrentreindex.h"
// includes: columns and types
#include "rules/addingfieldwithdefault.h"
#include "rules/addingrequiredfield.h"
#include "rules/bancharfield.h"
#include "rules/bandropcolumn.h"
#include "rules/bandropdatabase.h"
#include "rules/bandropnotnull.h"
#include "rules/bandroptable.h"
#include "rules/changingcolumntype.h"
#include "rules/identifiertoolong.h"
#include "rules/preferbigintoverint.h"
#include "rules/preferbigintoversmallint.h"
#include "rules/preferidentity.h"
#include "rules/preferjsonb.h"
#include "rules/prefertextfield.h"
#include "rules/prefertimestamptz.h"
#include "rules/renamingcolumn.h"
#include "rules/renamingenumvalue.h"
#include "rules/renamingtable.h"
#include "rules/requireenumvalueordering.h"
#include "rules/requiretableschema.h"
// includes: transactions and scripts
#include "rules/banuncommittedtransaction.h"
#include "rules/preferrobuststmts.h"
#include "rules/requiretimeoutsettings.h"
#include "rules/statementsafteraccessexclusive.h"
#include "rules/transactionnesting.h"
#include "rules/unbatchedupdateordelete.h"

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
    rules.push_back(std::make_unique<BanTruncateCascade>());
    rules.push_back(std::make_unique<PreferRepack>());
    rules.push_back(std::make_unique<BanCreateDomainWithConstraint>());
    rules.push_back(std::make_unique<BanAlterDomainWithAddConstraint>());
    // rules: columns and types
    rules.push_back(std::make_unique<AddingFieldWithDefault>());
    rules.push_back(std::make_unique<AddingRequiredField>());
    rules.push_back(std::make_unique<ChangingColumnType>());
    rules.push_back(std::make_unique<RenamingColumn>());
    rules.push_back(std::make_unique<RenamingTable>());
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
    rules.push_back(std::make_unique<RequireTimeoutSettings>());
    rules.push_back(std::make_unique<StatementsAfterAccessExclusive>());
    rules.push_back(std::make_unique<PreferRobustStmts>());
    rules.push_back(std::make_unique<UnbatchedUpdateOrDelete>());
    return rules;
}

} // namespace tusk::core
