package dev.firebell.cli.template;

import static dev.firebell.cli.template.TemplateReferencesTest.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.local.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's deploy role (CloudFormation's) against what CloudFormation's resource handlers call for every resource
 * of the application stacks as AWS creates them (template.yaml after the SAM transform: versions, aliases, permissions,
 * the stream's mapping, CodeDeploy's application and groups, generated roles), on the ARNs those resources get in each
 * stack the pipeline deploys ({@link HandlerPermissions}).
 */
class PipelineDeployRoleTest {

    private final HandlerPermissions handlers = new HandlerPermissions(IamResourceTypes.bundled());

    @Test
    void deployRole_shouldGrantEveryActionTheHandlersOfEveryResourceCall_inEveryStack() {
        // GIVEN each stack the pipeline deploys, for the default AppStackName and another one
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String appStackName : List.of("firebell", "acme-oncall")) {
            StackArns pipelineStack = PipelineFiles.pipelineStack(appStackName);
            RolePolicy deployRole = new RolePolicy(pipelineStack, "DeployRole");
            for (String stage : PipelineFiles.stages()) {
                StackArns app = PipelineFiles.appStack(pipelineStack, stage);

                // WHEN every handler need of every resource is looked up in the role
                checked += handlers.needs(app).size();
                missing.addAll(handlers.missing(app, deployRole));
            }
        }

        // THEN none is missing
        assertThat(checked).as("handler needs checked").isGreaterThan(500);
        assertThat(missing).as(lines(missing)).isEmpty();
    }

    @Test
    void deployRole_shouldGrantWhatTheAlarmIntakeOfOtherAccountsNeeds_whenAStageTakesThem() {
        // GIVEN each stage with the alarms of an organization's units and of listed accounts (the central bus, its
        // policy, its rule and the rule's permission on the function exist only then)
        List<String> missing = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        StackArns pipelineStack = PipelineFiles.pipelineStack("firebell");
        RolePolicy deployRole = new RolePolicy(pipelineStack, "DeployRole");
        for (String stage : PipelineFiles.stages()) {
            Map<String, Object> parameters = new java.util.LinkedHashMap<>(PipelineFiles.stageParameters(stage));
            parameters.put("OrganizationId", "o-a1b2c3d4e5");
            parameters.put("OrganizationalUnitPaths", "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*");
            parameters.put("MemberAccountIds", "111122223333,444455556666");
            StackArns app = PipelineFiles.appStack(pipelineStack, stage, parameters);
            app.template().resources().values().stream().filter(r -> app.exists(r.logicalId()))
                    .forEach(r -> types.add(r.type()));

            // WHEN its handler needs are looked up in the role
            missing.addAll(handlers.missing(app, deployRole));
        }

        // THEN the bus is there, and nothing it or its rule needs is missing
        assertThat(types).contains("AWS::Events::EventBus", "AWS::Events::Rule");
        assertThat(missing).as(lines(missing)).isEmpty();
    }

    @Test
    void missingGrant_shouldBeReportedWithTheTypeResourceHandlerActionAndArn() {
        // GIVEN a deploy role without the mapping's tagging (CloudFormation tags every mapping with the stack's tags)
        SamTemplate mistaken = SamTemplate.load(ProjectFiles.testTemplate("deploy-role-mistakes.yaml"));
        StackArns pipelineStack = new StackArns(mistaken, PipelineFiles.PIPELINE_STACK, Map.of());
        StackArns app = PipelineFiles.appStack(PipelineFiles.pipelineStack("firebell"), "prod");

        // WHEN it is checked
        List<String> missing = handlers.missing(app, new RolePolicy(pipelineStack, "DeployRole"));

        // THEN each gap names what needs what, where
        assertThat(missing).anySatisfy(line -> assertThat(line).startsWith(
                "AWS::Lambda::EventSourceMapping PostmortemFunctionIncidentResolved (create/update handler): needs"
                        + " lambda:TagResource on arn:aws:lambda:us-east-1:111122223333:event-source-mapping:")
                .endsWith("which DeployRole of stack firebell-prod does not grant"));
        assertThat(missing).anySatisfy(line -> assertThat(line).startsWith(
                "AWS::Logs::LogGroup AlarmIngestLogGroup (create/read/update handler): needs logs:GetDataProtectionPolicy"));
        assertThat(missing).anySatisfy(line -> assertThat(line).startsWith(
                "AWS::S3::Bucket PostmortemBucket (read handler): needs s3:GetReplicationConfiguration on arn:aws:s3:::"));
        assertThat(missing).as("granted on the mapping: not reported").noneSatisfy(line -> assertThat(line)
                .contains("lambda:GetEventSourceMapping"));
    }

    @Test
    void everyResourceTypeOfTheTransformedTemplate_shouldHaveItsHandlerPermissionsVendored() {
        Set<String> types = new TreeSet<>();
        PipelineFiles.appStack(PipelineFiles.pipelineStack("firebell"), "prod").template().resources().values()
                .forEach(r -> types.add(r.type()));

        assertThat(types).as("SAM creates these").contains("AWS::Lambda::Version", "AWS::Lambda::Alias",
                "AWS::Lambda::Permission", "AWS::Lambda::EventSourceMapping", "AWS::CodeDeploy::Application",
                "AWS::CodeDeploy::DeploymentGroup", "AWS::IAM::Role");
        assertThat(handlers.vendoredTypes()).containsAll(types);
    }

    @Test
    void notGrantedActions_shouldBeNeededOnlyForPropertiesNoResourceSets_andSayWhy() {
        List<String> problems = new ArrayList<>();
        for (String stage : PipelineFiles.stages()) {
            problems.addAll(handlers.exclusionProblems(PipelineFiles.appStack(PipelineFiles.pipelineStack("firebell"),
                    stage)));
        }
        assertThat(handlers.notGranted()).isNotEmpty();
        assertThat(problems).as(lines(problems)).isEmpty();
    }
}
