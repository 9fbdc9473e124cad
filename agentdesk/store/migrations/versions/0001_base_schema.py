"""Base schema: every table of the product.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 12:20:37.779162
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import agentdesk.store.schema.base


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('business_halls',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('name', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('name_en', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('address', sa.String(length=300), server_default=sa.text("''"), nullable=False),
    sa.Column('phone_e164', sa.String(length=20), nullable=True),
    sa.Column('is_vip_room', sa.Boolean(), nullable=False),
    sa.Column('daily_capacity', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_business_halls'))
    )
    op.create_table('campaigns',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('name_en', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('direction', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('description', sa.String(length=2000), server_default=sa.text("''"), nullable=False),
    sa.Column('wrapup_seconds', sa.Integer(), nullable=False),
    sa.Column('max_attempts', sa.Integer(), nullable=False),
    sa.Column('calling_from', sa.Time(), nullable=True),
    sa.Column('calling_until', sa.Time(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaigns')),
    sa.UniqueConstraint('code', name=op.f('uq_campaigns_code'))
    )
    op.create_table('customers',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('customer_no', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('gender', sa.String(length=8), nullable=False),
    sa.Column('city', sa.String(length=200), server_default=sa.text("''"), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('tags', sa.String(length=1000), server_default=sa.text("''"), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers')),
    sa.UniqueConstraint('customer_no', name=op.f('uq_customers_customer_no'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index('ix_customers_name', ['name'], unique=False)

    op.create_table('delivery_rounds',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('name', sa.String(length=64), server_default=sa.text("''"), nullable=False),
    sa.Column('name_en', sa.String(length=64), server_default=sa.text("''"), nullable=False),
    sa.Column('orders_from', sa.Time(), nullable=False),
    sa.Column('orders_until', sa.Time(), nullable=False),
    sa.Column('handover_at', sa.Time(), nullable=False),
    sa.Column('booking_from', sa.Time(), nullable=False),
    sa.Column('booking_until', sa.Time(), nullable=False),
    sa.Column('delivery_day_offset', sa.Integer(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_delivery_rounds'))
    )
    op.create_table('dnc_entries',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('e164', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=200), server_default=sa.text("''"), nullable=False),
    sa.Column('source', sa.String(length=64), server_default=sa.text("''"), nullable=False),
    sa.Column('expires_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dnc_entries'))
    )
    with op.batch_alter_table('dnc_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dnc_entries_e164'), ['e164'], unique=False)

    op.create_table('login_attempts',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locked_until', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_login_attempts'))
    )
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('mutation_id', sa.Uuid(), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.Uuid(), nullable=False),
    sa.Column('op', sa.String(length=8), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=True),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('mutation_id', name=op.f('uq_outbox_mutation_id'))
    )
    op.create_table('products',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('sku', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('name_en', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('price', agentdesk.store.schema.base.Money(), nullable=False),
    sa.Column('description', sa.String(length=2000), server_default=sa.text("''"), nullable=False),
    sa.Column('requires_real_name', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products')),
    sa.UniqueConstraint('sku', name=op.f('uq_products_sku'))
    )
    op.create_table('rejected',
    sa.Column('mutation_id', sa.Uuid(), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.Uuid(), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('rejected_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('mutation_id', name=op.f('pk_rejected'))
    )
    op.create_table('sync_state',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_sync_state'))
    )
    op.create_table('teams',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('name', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('supervisor_id', sa.Uuid(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teams'))
    )
    op.create_table('call_lists',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('campaign_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('source', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('imported_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('row_count', sa.Integer(), nullable=False),
    sa.Column('rejected_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_call_lists_campaign_id_campaigns')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_call_lists'))
    )
    with op.batch_alter_table('call_lists', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_call_lists_campaign_id'), ['campaign_id'], unique=False)

    op.create_table('customer_addresses',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('province', sa.String(length=200), server_default=sa.text("''"), nullable=False),
    sa.Column('city', sa.String(length=200), server_default=sa.text("''"), nullable=False),
    sa.Column('district', sa.String(length=200), server_default=sa.text("''"), nullable=False),
    sa.Column('street', sa.String(length=200), server_default=sa.text("''"), nullable=False),
    sa.Column('postal_code', sa.String(length=6), server_default=sa.text("''"), nullable=False),
    sa.Column('label', sa.String(length=32), server_default=sa.text("''"), nullable=False),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_addresses_customer_id_customers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_addresses'))
    )
    with op.batch_alter_table('customer_addresses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_addresses_customer_id'), ['customer_id'], unique=False)

    op.create_table('customer_phones',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('e164', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('label', sa.String(length=32), server_default=sa.text("''"), nullable=False),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_phones_customer_id_customers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_phones'))
    )
    with op.batch_alter_table('customer_phones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_phones_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_phones_e164'), ['e164'], unique=False)

    op.create_table('disposition_codes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('campaign_id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('label', sa.String(length=64), server_default=sa.text("''"), nullable=False),
    sa.Column('label_en', sa.String(length=64), server_default=sa.text("''"), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('retry_minutes', sa.Integer(), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_disposition_codes_campaign_id_campaigns')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disposition_codes')),
    sa.UniqueConstraint('campaign_id', 'code', name='uq_disposition_codes_campaign_code')
    )
    with op.batch_alter_table('disposition_codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_disposition_codes_campaign_id'), ['campaign_id'], unique=False)

    op.create_table('kb_articles',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('category', sa.String(length=64), server_default=sa.text("''"), nullable=False),
    sa.Column('tags', sa.String(length=500), server_default=sa.text("''"), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('article_version', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Uuid(), nullable=True),
    sa.Column('translation_of', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_kb_articles_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kb_articles'))
    )
    with op.batch_alter_table('kb_articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kb_articles_product_id'), ['product_id'], unique=False)

    op.create_table('offers',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('campaign_id', sa.Uuid(), nullable=True),
    sa.Column('product_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('name_en', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('price', agentdesk.store.schema.base.Money(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('eligibility', sa.String(length=500), server_default=sa.text("''"), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_offers_campaign_id_campaigns')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_offers_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offers'))
    )
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_offers_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_offers_product_id'), ['product_id'], unique=False)

    op.create_table('scripts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('campaign_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('direction', sa.String(length=16), nullable=False),
    sa.Column('script_version', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('published_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_scripts_campaign_id_campaigns')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scripts')),
    sa.UniqueConstraint('campaign_id', 'direction', 'script_version', name='uq_scripts_campaign_direction_version')
    )
    with op.batch_alter_table('scripts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scripts_campaign_id'), ['campaign_id'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('team_id', sa.Uuid(), nullable=True),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('locale', sa.String(length=16), server_default=sa.text("''"), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_users_team_id_teams')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_team_id'), ['team_id'], unique=False)

    op.create_table('agent_state_events',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('agent_id', sa.Uuid(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=32), server_default=sa.text("''"), nullable=False),
    sa.Column('at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_agent_state_events_agent_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agent_state_events'))
    )
    with op.batch_alter_table('agent_state_events', schema=None) as batch_op:
        batch_op.create_index('ix_agent_state_events_agent_at', ['agent_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_agent_state_events_agent_id'), ['agent_id'], unique=False)

    op.create_table('contacts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('call_list_id', sa.Uuid(), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('e164', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('last_disposition', sa.String(length=32), server_default=sa.text("''"), nullable=False),
    sa.Column('time_zone', sa.String(length=64), server_default=sa.text("''"), nullable=False),
    sa.ForeignKeyConstraint(['call_list_id'], ['call_lists.id'], name=op.f('fk_contacts_call_list_id_call_lists')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_contacts_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts'))
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_call_list_id'), ['call_list_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contacts_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_contacts_due', ['call_list_id', 'status', 'next_attempt_at'], unique=False)

    op.create_table('escalation_rules',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('topic', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), server_default=sa.text("''"), nullable=False),
    sa.Column('title_en', sa.String(length=200), server_default=sa.text("''"), nullable=False),
    sa.Column('department', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('domain', sa.String(length=32), server_default=sa.text("''"), nullable=False),
    sa.Column('required_info', sa.Text(), nullable=False),
    sa.Column('first_questions', sa.Text(), nullable=False),
    sa.Column('front_line_answers', sa.Text(), nullable=False),
    sa.Column('steps', sa.Text(), nullable=False),
    sa.Column('response_minutes', sa.Integer(), nullable=False),
    sa.Column('informs_customer', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.Column('leader_escalation_minutes', sa.Integer(), nullable=True),
    sa.Column('article_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['kb_articles.id'], name=op.f('fk_escalation_rules_article_id_kb_articles')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_escalation_rules')),
    sa.UniqueConstraint('topic', name=op.f('uq_escalation_rules_topic'))
    )
    with op.batch_alter_table('escalation_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_escalation_rules_article_id'), ['article_id'], unique=False)

    op.create_table('targets',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('campaign_id', sa.Uuid(), nullable=True),
    sa.Column('team_id', sa.Uuid(), nullable=True),
    sa.Column('agent_id', sa.Uuid(), nullable=True),
    sa.Column('metric', sa.String(length=32), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_targets_agent_id_users')),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_targets_campaign_id_campaigns')),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_targets_team_id_teams')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_targets'))
    )
    with op.batch_alter_table('targets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_targets_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_targets_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_targets_team_id'), ['team_id'], unique=False)

    op.create_table('callbacks',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('contact_id', sa.Uuid(), nullable=True),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('agent_id', sa.Uuid(), nullable=True),
    sa.Column('team_id', sa.Uuid(), nullable=True),
    sa.Column('due_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('scope', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('notes', sa.String(length=2000), server_default=sa.text("''"), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_callbacks_agent_id_users')),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_callbacks_contact_id_contacts')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_callbacks_customer_id_customers')),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_callbacks_team_id_teams')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_callbacks'))
    )
    with op.batch_alter_table('callbacks', schema=None) as batch_op:
        batch_op.create_index('ix_callbacks_agent_due', ['agent_id', 'status', 'due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_callbacks_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_callbacks_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_callbacks_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_callbacks_team_id'), ['team_id'], unique=False)

    op.create_table('calls',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('campaign_id', sa.Uuid(), nullable=True),
    sa.Column('contact_id', sa.Uuid(), nullable=True),
    sa.Column('customer_id', sa.Uuid(), nullable=True),
    sa.Column('agent_id', sa.Uuid(), nullable=False),
    sa.Column('direction', sa.String(length=16), nullable=False),
    sa.Column('e164', sa.String(length=20), nullable=False),
    sa.Column('started_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('answered_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('ended_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('end_reason', sa.String(length=32), server_default=sa.text("''"), nullable=False),
    sa.Column('talk_seconds', sa.Integer(), nullable=False),
    sa.Column('recording_consent', sa.Boolean(), nullable=True),
    sa.Column('lease_token', sa.BigInteger(), nullable=True),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_calls_agent_id_users')),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_calls_campaign_id_campaigns')),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_calls_contact_id_contacts')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_calls_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calls'))
    )
    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calls_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index('ix_calls_agent_started', ['agent_id', 'started_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_calls_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_calls_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_calls_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_calls_customer_started', ['customer_id', 'started_at'], unique=False)

    op.create_table('cases',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('case_no', sa.String(length=24), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('call_id', sa.Uuid(), nullable=True),
    sa.Column('rule_id', sa.Uuid(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('summary', sa.String(length=300), server_default=sa.text("''"), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('opened_by', sa.Uuid(), nullable=False),
    sa.Column('opened_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('due_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_cases_call_id_calls')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_cases_customer_id_customers')),
    sa.ForeignKeyConstraint(['opened_by'], ['users.id'], name=op.f('fk_cases_opened_by_users')),
    sa.ForeignKeyConstraint(['rule_id'], ['escalation_rules.id'], name=op.f('fk_cases_rule_id_escalation_rules')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('case_no', name=op.f('uq_cases_case_no'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_call_id'), ['call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_opened_by'), ['opened_by'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_rule_id'), ['rule_id'], unique=False)

    op.create_table('dispositions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('call_id', sa.Uuid(), nullable=False),
    sa.Column('disposition_code_id', sa.Uuid(), nullable=False),
    sa.Column('agent_id', sa.Uuid(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_dispositions_agent_id_users')),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_dispositions_call_id_calls')),
    sa.ForeignKeyConstraint(['disposition_code_id'], ['disposition_codes.id'], name=op.f('fk_dispositions_disposition_code_id_disposition_codes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispositions'))
    )
    with op.batch_alter_table('dispositions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispositions_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispositions_call_id'), ['call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispositions_disposition_code_id'), ['disposition_code_id'], unique=False)

    op.create_table('orders',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('order_no', sa.String(length=24), nullable=False),
    sa.Column('customer_id', sa.Uuid(), nullable=False),
    sa.Column('call_id', sa.Uuid(), nullable=True),
    sa.Column('campaign_id', sa.Uuid(), nullable=True),
    sa.Column('agent_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('total', agentdesk.store.schema.base.Money(), nullable=False),
    sa.Column('delivery_method', sa.String(length=16), nullable=False),
    sa.Column('payment_method', sa.String(length=24), nullable=False),
    sa.Column('delivery_address', sa.String(length=900), server_default=sa.text("''"), nullable=False),
    sa.Column('contact_e164', sa.String(length=20), nullable=True),
    sa.Column('hall_id', sa.Uuid(), nullable=True),
    sa.Column('round_id', sa.Uuid(), nullable=True),
    sa.Column('round_date', sa.Date(), nullable=True),
    sa.Column('created_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_orders_agent_id_users')),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_orders_call_id_calls')),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_orders_campaign_id_campaigns')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_orders_customer_id_customers')),
    sa.ForeignKeyConstraint(['hall_id'], ['business_halls.id'], name=op.f('fk_orders_hall_id_business_halls')),
    sa.ForeignKeyConstraint(['round_id'], ['delivery_rounds.id'], name=op.f('fk_orders_round_id_delivery_rounds')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_orders')),
    sa.UniqueConstraint('order_no', name=op.f('uq_orders_order_no'))
    )
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_orders_agent_id'), ['agent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_call_id'), ['call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index('ix_orders_customer_created', ['customer_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_hall_id'), ['hall_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_round_id'), ['round_id'], unique=False)

    op.create_table('case_events',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('case_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('actor_id', sa.Uuid(), nullable=False),
    sa.Column('at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_case_events_actor_id_users')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_events_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_events'))
    )
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_events_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_events_case_id'), ['case_id'], unique=False)

    op.create_table('dispatches',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('round_id', sa.Uuid(), nullable=True),
    sa.Column('hall_id', sa.Uuid(), nullable=True),
    sa.Column('result', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=500), server_default=sa.text("''"), nullable=False),
    sa.Column('reported_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('reported_by', sa.String(length=100), server_default=sa.text("''"), nullable=False),
    sa.ForeignKeyConstraint(['hall_id'], ['business_halls.id'], name=op.f('fk_dispatches_hall_id_business_halls')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_dispatches_order_id_orders')),
    sa.ForeignKeyConstraint(['round_id'], ['delivery_rounds.id'], name=op.f('fk_dispatches_round_id_delivery_rounds')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dispatches'))
    )
    with op.batch_alter_table('dispatches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispatches_hall_id'), ['hall_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatches_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatches_round_id'), ['round_id'], unique=False)

    op.create_table('order_lines',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('site', sa.String(length=32), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', agentdesk.store.schema.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', agentdesk.store.schema.base.UTCDateTime(), nullable=True),
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('product_id', sa.Uuid(), nullable=False),
    sa.Column('offer_id', sa.Uuid(), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price', agentdesk.store.schema.base.Money(), nullable=False),
    sa.Column('discount', agentdesk.store.schema.base.Money(), nullable=False),
    sa.Column('line_total', agentdesk.store.schema.base.Money(), nullable=False),
    sa.ForeignKeyConstraint(['offer_id'], ['offers.id'], name=op.f('fk_order_lines_offer_id_offers')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_lines_order_id_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_order_lines_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_lines'))
    )
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_lines_offer_id'), ['offer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_order_lines_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_order_lines_product_id'), ['product_id'], unique=False)




def downgrade() -> None:
    
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_lines_product_id'))
        batch_op.drop_index(batch_op.f('ix_order_lines_order_id'))
        batch_op.drop_index(batch_op.f('ix_order_lines_offer_id'))

    op.drop_table('order_lines')
    with op.batch_alter_table('dispatches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispatches_round_id'))
        batch_op.drop_index(batch_op.f('ix_dispatches_order_id'))
        batch_op.drop_index(batch_op.f('ix_dispatches_hall_id'))

    op.drop_table('dispatches')
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_events_case_id'))
        batch_op.drop_index(batch_op.f('ix_case_events_actor_id'))

    op.drop_table('case_events')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_orders_round_id'))
        batch_op.drop_index(batch_op.f('ix_orders_hall_id'))
        batch_op.drop_index(batch_op.f('ix_orders_customer_id'))
        batch_op.drop_index('ix_orders_customer_created')
        batch_op.drop_index(batch_op.f('ix_orders_campaign_id'))
        batch_op.drop_index(batch_op.f('ix_orders_call_id'))
        batch_op.drop_index(batch_op.f('ix_orders_agent_id'))

    op.drop_table('orders')
    with op.batch_alter_table('dispositions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispositions_disposition_code_id'))
        batch_op.drop_index(batch_op.f('ix_dispositions_call_id'))
        batch_op.drop_index(batch_op.f('ix_dispositions_agent_id'))

    op.drop_table('dispositions')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_rule_id'))
        batch_op.drop_index(batch_op.f('ix_cases_opened_by'))
        batch_op.drop_index(batch_op.f('ix_cases_customer_id'))
        batch_op.drop_index(batch_op.f('ix_cases_call_id'))

    op.drop_table('cases')
    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.drop_index('ix_calls_customer_started')
        batch_op.drop_index(batch_op.f('ix_calls_customer_id'))
        batch_op.drop_index(batch_op.f('ix_calls_contact_id'))
        batch_op.drop_index(batch_op.f('ix_calls_campaign_id'))
        batch_op.drop_index('ix_calls_agent_started')
        batch_op.drop_index(batch_op.f('ix_calls_agent_id'))

    op.drop_table('calls')
    with op.batch_alter_table('callbacks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_callbacks_team_id'))
        batch_op.drop_index(batch_op.f('ix_callbacks_customer_id'))
        batch_op.drop_index(batch_op.f('ix_callbacks_contact_id'))
        batch_op.drop_index(batch_op.f('ix_callbacks_agent_id'))
        batch_op.drop_index('ix_callbacks_agent_due')

    op.drop_table('callbacks')
    with op.batch_alter_table('targets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_targets_team_id'))
        batch_op.drop_index(batch_op.f('ix_targets_campaign_id'))
        batch_op.drop_index(batch_op.f('ix_targets_agent_id'))

    op.drop_table('targets')
    with op.batch_alter_table('escalation_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_escalation_rules_article_id'))

    op.drop_table('escalation_rules')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index('ix_contacts_due')
        batch_op.drop_index(batch_op.f('ix_contacts_customer_id'))
        batch_op.drop_index(batch_op.f('ix_contacts_call_list_id'))

    op.drop_table('contacts')
    with op.batch_alter_table('agent_state_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agent_state_events_agent_id'))
        batch_op.drop_index('ix_agent_state_events_agent_at')

    op.drop_table('agent_state_events')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_team_id'))

    op.drop_table('users')
    with op.batch_alter_table('scripts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scripts_campaign_id'))

    op.drop_table('scripts')
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_offers_product_id'))
        batch_op.drop_index(batch_op.f('ix_offers_campaign_id'))

    op.drop_table('offers')
    with op.batch_alter_table('kb_articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kb_articles_product_id'))

    op.drop_table('kb_articles')
    with op.batch_alter_table('disposition_codes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_disposition_codes_campaign_id'))

    op.drop_table('disposition_codes')
    with op.batch_alter_table('customer_phones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_phones_e164'))
        batch_op.drop_index(batch_op.f('ix_customer_phones_customer_id'))

    op.drop_table('customer_phones')
    with op.batch_alter_table('customer_addresses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_addresses_customer_id'))

    op.drop_table('customer_addresses')
    with op.batch_alter_table('call_lists', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_call_lists_campaign_id'))

    op.drop_table('call_lists')
    op.drop_table('teams')
    op.drop_table('sync_state')
    op.drop_table('rejected')
    op.drop_table('products')
    op.drop_table('outbox')
    op.drop_table('login_attempts')
    with op.batch_alter_table('dnc_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dnc_entries_e164'))

    op.drop_table('dnc_entries')
    op.drop_table('delivery_rounds')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index('ix_customers_name')

    op.drop_table('customers')
    op.drop_table('campaigns')
    op.drop_table('business_halls')

