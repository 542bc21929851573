"""import runs, source diffs, duplicate candidates

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 23:21:52.815229

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('import_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('lang', sa.String(length=40), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('dry_run', sa.Boolean(), nullable=False),
    sa.Column('full_source', sa.Boolean(), nullable=False),
    sa.Column('created', sa.Integer(), nullable=False),
    sa.Column('updated', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.Column('flagged', sa.Integer(), nullable=False),
    sa.Column('errors', sa.Integer(), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('started_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['started_by_id'], ['user_account.id'], name=op.f('fk_import_run_started_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_run'))
    )
    with op.batch_alter_table('import_run', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_run_source'), ['source'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_run_started_at'), ['started_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_run_started_by_id'), ['started_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_run_status'), ['status'], unique=False)

    op.create_table('duplicate_candidate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('source_id', sa.String(length=255), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=30), nullable=False),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.Column('lang', sa.String(length=40), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user_account.id'], name=op.f('fk_duplicate_candidate_decided_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_duplicate_candidate_organization_id_organization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['import_run.id'], name=op.f('fk_duplicate_candidate_run_id_import_run'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duplicate_candidate'))
    )
    with op.batch_alter_table('duplicate_candidate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duplicate_candidate_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duplicate_candidate_run_id'), ['run_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duplicate_candidate_source'), ['source'], unique=False)
        batch_op.create_index(batch_op.f('ix_duplicate_candidate_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duplicate_candidate_status'), ['status'], unique=False)

    op.create_table('import_item_error',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('record', sa.String(length=255), nullable=False),
    sa.Column('field', sa.String(length=255), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['import_run.id'], name=op.f('fk_import_item_error_run_id_import_run'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_item_error'))
    )
    with op.batch_alter_table('import_item_error', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_item_error_run_id'), ['run_id'], unique=False)

    op.create_table('source_diff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=20), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('lang', sa.String(length=12), nullable=True),
    sa.Column('source', sa.String(length=40), nullable=False),
    sa.Column('source_value', sa.JSON(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user_account.id'], name=op.f('fk_source_diff_decided_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_source_diff_organization_id_organization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['import_run.id'], name=op.f('fk_source_diff_run_id_import_run'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_source_diff_service_id_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_diff'))
    )
    with op.batch_alter_table('source_diff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_diff_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_source_diff_run_id'), ['run_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_source_diff_service_id'), ['service_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_source_diff_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('source_diff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_diff_status'))
        batch_op.drop_index(batch_op.f('ix_source_diff_service_id'))
        batch_op.drop_index(batch_op.f('ix_source_diff_run_id'))
        batch_op.drop_index(batch_op.f('ix_source_diff_organization_id'))

    op.drop_table('source_diff')
    with op.batch_alter_table('import_item_error', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_item_error_run_id'))

    op.drop_table('import_item_error')
    with op.batch_alter_table('duplicate_candidate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duplicate_candidate_status'))
        batch_op.drop_index(batch_op.f('ix_duplicate_candidate_source_id'))
        batch_op.drop_index(batch_op.f('ix_duplicate_candidate_source'))
        batch_op.drop_index(batch_op.f('ix_duplicate_candidate_run_id'))
        batch_op.drop_index(batch_op.f('ix_duplicate_candidate_organization_id'))

    op.drop_table('duplicate_candidate')
    with op.batch_alter_table('import_run', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_run_status'))
        batch_op.drop_index(batch_op.f('ix_import_run_started_by_id'))
        batch_op.drop_index(batch_op.f('ix_import_run_started_at'))
        batch_op.drop_index(batch_op.f('ix_import_run_source'))

    op.drop_table('import_run')
